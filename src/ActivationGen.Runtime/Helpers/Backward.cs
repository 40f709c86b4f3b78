// Backward: the span driver of the backward pass (shape 4): gradInput[i] = gradOutput[i]·f'(x[i]), with the NaN rule
// applied here (the derivative operator of a backward method leaves NaN lanes to it): a NaN gradOutput gives that NaN,
// else a NaN x gives x's NaN, both unchanged whichever operand order the multiplication would get, else the IEEE
// product (0·∞ gives the processor's default NaN).
// Argument checks, then a loop over the widest accelerated vector (Vector256 where the operator prefers it), four
// vectors per iteration for short kernels and one for long ones (IActivationOperator.Unroll), started where the output
// is aligned to the vector, with the first and the last vector done as overlapping vectors (both computed before
// anything is stored, so in-place calls stay correct). Lengths below one 128-bit vector run lane by lane through the
// same operator, so every element gets exactly the value the scalar method returns, whatever its position or the vector
// width. The driver and its loops are compiled fully optimized at once (AggressiveOptimization): through tiered
// compilation with dynamic PGO the same kernels ran up to 4x slower in some processes (measured on .NET 10, AVX-512).
//
// Lanes:       T (float or double), at 128, 256 and 512 bits
// Max error:   0.5 ULP of its own (one product, rounded once)
// Valid range: any lengths; gradOutput as long as x, gradInput at least as long, overlapping neither except exactly
// Requires:    Operators, KeepNaN, SpanChecks, Alignment

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T, TDerivative>(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput, string gradOutputName, string gradInputName)
        where T : unmanaged
        where TDerivative : IActivationOperator<T>
    {
        if (gradOutput.Length != x.Length)
        {
            throw new ArgumentException("The gradient of the output must have the same length as the input.", gradOutputName);
        }

        if (gradInput.Length < x.Length)
        {
            ThrowTooShort(gradInputName);
        }

        var gradInputUsed = gradInput.Slice(0, x.Length);
        ThrowIfPartialOverlap(x, gradInputUsed, gradInputName);
        ThrowIfPartialOverlap(gradOutput, gradInputUsed, gradInputName);
        var n = x.Length;
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var gs = ref MemoryMarshal.GetReference(gradOutput);
        ref var ds = ref MemoryMarshal.GetReference(gradInput);
        if (Vector512.IsHardwareAccelerated && TDerivative.PreferVector512 && n >= Vector512<T>.Count)
        {
            Backward512<T, TDerivative>(ref xs, ref gs, ref ds, n);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<T>.Count)
        {
            Backward256<T, TDerivative>(ref xs, ref gs, ref ds, n);
        }
        else if (n >= Vector128<T>.Count)
        {
            Backward128<T, TDerivative>(ref xs, ref gs, ref ds, n);
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                var g = Gradient<T, TDerivative>(Vector128.CreateScalar(Unsafe.Add(ref xs, i)), Vector128.CreateScalar(Unsafe.Add(ref gs, i)));
                Unsafe.Add(ref ds, i) = g.ToScalar();
            }
        }
    }

    //#PerWidth
    /// <summary>
    /// gradOutput·f'(x): a NaN gradOutput gives that NaN, else a NaN x gives x's NaN (both unchanged, whichever operand
    /// order the multiplication would get), else the IEEE product (0·∞ gives the processor's default NaN). The
    /// derivative operator of a backward method does not apply the NaN rule itself (MethodEmitter): this does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> Gradient<T, TDerivative>(Vector128<T> x, Vector128<T> gradOutput)
        where T : unmanaged
        where TDerivative : IActivationOperator<T>
        => KeepNaN(gradOutput, KeepNaN(x, gradOutput * TDerivative.Invoke(x)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward128<T, TDerivative>(ref T x, ref T gradOutput, ref T gradInput, int n)
        where T : unmanaged
        where TDerivative : IActivationOperator<T>
    {
        // As Map128: the last and the first vector first, stored last (a long kernel's out of line); the loops aligned to
        // gradInput; four vectors per iteration unless the kernel is long.
        var count = (nuint)Vector128<T>.Count;
        var last = (nuint)n - count;
        var tail = TDerivative.Unroll
            ? Gradient<T, TDerivative>(Vector128.LoadUnsafe(ref x, last), Vector128.LoadUnsafe(ref gradOutput, last))
            : GradientOutOfLine<T, TDerivative>(Vector128.LoadUnsafe(ref x, last), Vector128.LoadUnsafe(ref gradOutput, last));
        if (last != 0)
        {
            var head = TDerivative.Unroll
                ? Gradient<T, TDerivative>(Vector128.LoadUnsafe(ref x), Vector128.LoadUnsafe(ref gradOutput))
                : GradientOutOfLine<T, TDerivative>(Vector128.LoadUnsafe(ref x), Vector128.LoadUnsafe(ref gradOutput));
            var i = ElementsToAlignment(ref gradInput, count);
            if (TDerivative.Unroll)
            {
                for (; i + (4 * count) <= last; i += 4 * count)
                {
                    var g0 = Gradient<T, TDerivative>(Vector128.LoadUnsafe(ref x, i), Vector128.LoadUnsafe(ref gradOutput, i));
                    var g1 = Gradient<T, TDerivative>(Vector128.LoadUnsafe(ref x, i + count), Vector128.LoadUnsafe(ref gradOutput, i + count));
                    var g2 = Gradient<T, TDerivative>(Vector128.LoadUnsafe(ref x, i + (2 * count)), Vector128.LoadUnsafe(ref gradOutput, i + (2 * count)));
                    var g3 = Gradient<T, TDerivative>(Vector128.LoadUnsafe(ref x, i + (3 * count)), Vector128.LoadUnsafe(ref gradOutput, i + (3 * count)));
                    g0.StoreUnsafe(ref gradInput, i);
                    g1.StoreUnsafe(ref gradInput, i + count);
                    g2.StoreUnsafe(ref gradInput, i + (2 * count));
                    g3.StoreUnsafe(ref gradInput, i + (3 * count));
                }
            }

            for (; i < last; i += count)
            {
                Gradient<T, TDerivative>(Vector128.LoadUnsafe(ref x, i), Vector128.LoadUnsafe(ref gradOutput, i)).StoreUnsafe(ref gradInput, i);
            }

            head.StoreUnsafe(ref gradInput);
        }

        tail.StoreUnsafe(ref gradInput, last);
    }

    /// <summary>The gradient at one vector, not inlined: the span loops hold the only inlined copies of the operator.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static Vector128<T> GradientOutOfLine<T, TDerivative>(Vector128<T> x, Vector128<T> gradOutput)
        where T : unmanaged
        where TDerivative : IActivationOperator<T>
        => Gradient<T, TDerivative>(x, gradOutput);
    //#EndPerWidth
}
