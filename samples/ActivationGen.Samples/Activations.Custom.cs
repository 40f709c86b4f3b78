using System;

namespace ActivationGen.Samples;

/// <summary>
/// Activations the catalog does not have, written by hand: each is an ordinary static method (callable as is), and
/// <c>[Activation(nameof(...))]</c> turns it into the same vectorized kernels, f or f' (the exact derivative), as a
/// catalog attribute.
/// </summary>
internal static partial class Activations
{
    /// <summary>Squareplus (Barron, 2021): a smooth ReLU built from a square root instead of an exponential.</summary>
    public static double Squareplus(double x) => 0.5 * (x + Math.Sqrt(x * x + 4));

    /// <summary>The blog's idea on a small scale: a sum of three shifted sigmoids, written out by hand.</summary>
    public static double ThreeSigmoids(double x) => Fn.Sigmoid(x) + Fn.Sigmoid(x - 1) + Fn.Sigmoid(x - 2);

    // ---- f and f' as separate span methods: the printed table -------------------------------------------------

    [Activation(nameof(Squareplus))]
    public static partial void SquareplusSpan(ReadOnlySpan<double> x, Span<double> destination);

    [Activation(nameof(Squareplus), Derivative = true)]
    public static partial void SquareplusDerivative(ReadOnlySpan<double> x, Span<double> destination);

    [Activation(nameof(ThreeSigmoids))]
    public static partial void ThreeSigmoidsSpan(ReadOnlySpan<double> x, Span<double> destination);

    [Activation(nameof(ThreeSigmoids), Derivative = true)]
    public static partial void ThreeSigmoidsDerivative(ReadOnlySpan<double> x, Span<double> destination);

    // ---- fused: f and f' in one pass (the figures) ------------------------------------------------------------

    [Activation(nameof(Squareplus))]
    public static partial void SquareplusFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Activation(nameof(ThreeSigmoids))]
    public static partial void ThreeSigmoidsFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);
}
