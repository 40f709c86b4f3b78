// Map: the span driver of f or f' (shapes 2 and 3, in place included): destination[i] = op(x[i]).
// Argument checks, then a loop over the widest accelerated vector (Vector256 where the operator prefers it), four
// vectors per iteration for short kernels and one for long ones (IActivationOperator.Unroll), started where the output
// is aligned to the vector, with the first and the last vector done as overlapping vectors (both computed before
// anything is stored, so in-place calls stay correct). Lengths below one 128-bit vector run lane by lane through the
// same operator, so every element gets exactly the value the scalar method returns, whatever its position or the vector
// width. The driver and its loops are compiled fully optimized at once (AggressiveOptimization): through tiered
// compilation with dynamic PGO the same kernels ran up to 4x slower in some processes (measured on .NET 10, AVX-512).
//
// Lanes:       T (float or double), at 128, 256 and 512 bits
// Max error:   none of its own (each element is the operator's value)
// Valid range: any lengths; destination at least as long as x, and not overlapping it except exactly in place
// Requires:    Operators, Scalar, SpanChecks, Alignment

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Map<T, TOperator>(ReadOnlySpan<T> x, Span<T> destination, string destinationName)
        where T : unmanaged
        where TOperator : IActivationOperator<T>
    {
        if (destination.Length < x.Length)
        {
            ThrowTooShort(destinationName);
        }

        ThrowIfPartialOverlap(x, destination.Slice(0, x.Length), destinationName);
        var n = x.Length;
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ds = ref MemoryMarshal.GetReference(destination);
        if (Vector512.IsHardwareAccelerated && TOperator.PreferVector512 && n >= Vector512<T>.Count)
        {
            Map512<T, TOperator>(ref xs, ref ds, n);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<T>.Count)
        {
            Map256<T, TOperator>(ref xs, ref ds, n);
        }
        else if (n >= Vector128<T>.Count)
        {
            Map128<T, TOperator>(ref xs, ref ds, n);
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                Unsafe.Add(ref ds, i) = Scalar<T, TOperator>(Unsafe.Add(ref xs, i));
            }
        }
    }
    //#PerWidth
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Map128<T, TOperator>(ref T x, ref T destination, int n)
        where T : unmanaged
        where TOperator : IActivationOperator<T>
    {
        // The last and the first vector first, stored last (in place, their inputs are read before anything is written);
        // the loops aligned to destination. A long kernel (not Unroll) is inlined in one loop only: more copies spill.
        var count = (nuint)Vector128<T>.Count;
        var last = (nuint)n - count;
        var tail = TOperator.Unroll
            ? TOperator.Invoke(Vector128.LoadUnsafe(ref x, last))
            : InvokeOutOfLine<T, TOperator>(Vector128.LoadUnsafe(ref x, last));
        if (last != 0)
        {
            var head = TOperator.Unroll
                ? TOperator.Invoke(Vector128.LoadUnsafe(ref x))
                : InvokeOutOfLine<T, TOperator>(Vector128.LoadUnsafe(ref x));
            var i = ElementsToAlignment(ref destination, count);
            if (TOperator.Unroll)
            {
                for (; i + (4 * count) <= last; i += 4 * count)
                {
                    var y0 = TOperator.Invoke(Vector128.LoadUnsafe(ref x, i));
                    var y1 = TOperator.Invoke(Vector128.LoadUnsafe(ref x, i + count));
                    var y2 = TOperator.Invoke(Vector128.LoadUnsafe(ref x, i + (2 * count)));
                    var y3 = TOperator.Invoke(Vector128.LoadUnsafe(ref x, i + (3 * count)));
                    y0.StoreUnsafe(ref destination, i);
                    y1.StoreUnsafe(ref destination, i + count);
                    y2.StoreUnsafe(ref destination, i + (2 * count));
                    y3.StoreUnsafe(ref destination, i + (3 * count));
                }
            }

            for (; i < last; i += count)
            {
                TOperator.Invoke(Vector128.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
            }

            head.StoreUnsafe(ref destination);
        }

        tail.StoreUnsafe(ref destination, last);
    }

    /// <summary>The operator at one vector, not inlined: the span loops hold the only inlined copies.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static Vector128<T> InvokeOutOfLine<T, TOperator>(Vector128<T> x)
        where T : unmanaged
        where TOperator : IActivationOperator<T>
        => TOperator.Invoke(x);
    //#EndPerWidth
}
