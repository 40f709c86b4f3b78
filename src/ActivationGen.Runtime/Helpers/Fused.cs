// Fused: the span driver of f and f' in one pass (shape 5): destination[i] = f(x[i]), derivative[i] = f'(x[i]).
// Argument checks, then a loop over the widest accelerated vector (Vector256 where the operator prefers it), two
// vectors per iteration for short kernels and one for long ones (IActivationOperator.Unroll), started where the output
// is aligned to the vector, with the first and the last vector done as overlapping vectors (both computed before
// anything is stored, so in-place calls stay correct). Lengths below one 128-bit vector run lane by lane through the
// same operator, so every element gets exactly the value the scalar method returns, whatever its position or the vector
// width. The driver and its loops are compiled fully optimized at once (AggressiveOptimization): through tiered
// compilation with dynamic PGO the same kernels ran up to 4x slower in some processes (measured on .NET 10, AVX-512).
//
// Lanes:       T (float or double), at 128, 256 and 512 bits
// Max error:   none of its own (each element is the operator's value)
// Valid range: any lengths; both outputs at least as long as x, not overlapping x except exactly in place, nor each other
// Requires:    Operators, SpanChecks, Alignment

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fused<T, TOperator>(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative, string destinationName, string derivativeName)
        where T : unmanaged
        where TOperator : IFusedActivationOperator<T>
    {
        if (destination.Length < x.Length)
        {
            ThrowTooShort(destinationName);
        }

        if (derivative.Length < x.Length)
        {
            ThrowTooShort(derivativeName);
        }

        var destinationUsed = destination.Slice(0, x.Length);
        var derivativeUsed = derivative.Slice(0, x.Length);
        ThrowIfPartialOverlap(x, destinationUsed, destinationName);
        ThrowIfPartialOverlap(x, derivativeUsed, derivativeName);
        if (MemoryExtensions.Overlaps(destinationUsed, derivativeUsed))
        {
            throw new ArgumentException("The destination and the derivative must not overlap.", derivativeName);
        }

        var n = x.Length;
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ys = ref MemoryMarshal.GetReference(destination);
        ref var ds = ref MemoryMarshal.GetReference(derivative);
        if (Vector512.IsHardwareAccelerated && TOperator.PreferVector512 && n >= Vector512<T>.Count)
        {
            Fused512<T, TOperator>(ref xs, ref ys, ref ds, n);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<T>.Count)
        {
            Fused256<T, TOperator>(ref xs, ref ys, ref ds, n);
        }
        else if (n >= Vector128<T>.Count)
        {
            Fused128<T, TOperator>(ref xs, ref ys, ref ds, n);
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                var y = TOperator.Invoke(Vector128.CreateScalar(Unsafe.Add(ref xs, i)), out var d);
                Unsafe.Add(ref ys, i) = y.ToScalar();
                Unsafe.Add(ref ds, i) = d.ToScalar();
            }
        }
    }
    //#PerWidth
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fused128<T, TOperator>(ref T x, ref T destination, ref T derivative, int n)
        where T : unmanaged
        where TOperator : IFusedActivationOperator<T>
    {
        // As Map128: the last and the first vector first, stored last (a long kernel's out of line); the loops aligned to
        // destination; two vectors per iteration unless the kernel is long.
        var count = (nuint)Vector128<T>.Count;
        var last = (nuint)n - count;
        Vector128<T> tail, tailDerivative;
        if (TOperator.Unroll)
        {
            tail = TOperator.Invoke(Vector128.LoadUnsafe(ref x, last), out tailDerivative);
        }
        else
        {
            tail = InvokeFusedOutOfLine<T, TOperator>(Vector128.LoadUnsafe(ref x, last), out tailDerivative);
        }

        if (last != 0)
        {
            Vector128<T> head, headDerivative;
            if (TOperator.Unroll)
            {
                head = TOperator.Invoke(Vector128.LoadUnsafe(ref x), out headDerivative);
            }
            else
            {
                head = InvokeFusedOutOfLine<T, TOperator>(Vector128.LoadUnsafe(ref x), out headDerivative);
            }

            var i = ElementsToAlignment(ref destination, count);
            if (TOperator.Unroll)
            {
                for (; i + (2 * count) <= last; i += 2 * count)
                {
                    var y0 = TOperator.Invoke(Vector128.LoadUnsafe(ref x, i), out var d0);
                    var y1 = TOperator.Invoke(Vector128.LoadUnsafe(ref x, i + count), out var d1);
                    y0.StoreUnsafe(ref destination, i);
                    d0.StoreUnsafe(ref derivative, i);
                    y1.StoreUnsafe(ref destination, i + count);
                    d1.StoreUnsafe(ref derivative, i + count);
                }
            }

            for (; i < last; i += count)
            {
                TOperator.Invoke(Vector128.LoadUnsafe(ref x, i), out var d).StoreUnsafe(ref destination, i);
                d.StoreUnsafe(ref derivative, i);
            }

            head.StoreUnsafe(ref destination);
            headDerivative.StoreUnsafe(ref derivative);
        }

        tail.StoreUnsafe(ref destination, last);
        tailDerivative.StoreUnsafe(ref derivative, last);
    }

    /// <summary>The operator at one vector, not inlined: the span loops hold the only inlined copies.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static Vector128<T> InvokeFusedOutOfLine<T, TOperator>(Vector128<T> x, out Vector128<T> derivative)
        where T : unmanaged
        where TOperator : IFusedActivationOperator<T>
        => TOperator.Invoke(x, out derivative);
    //#EndPerWidth
}
