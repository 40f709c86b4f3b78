using System;

namespace ActivationGen.Benchmarks;

/// <summary>SiLU, and the backward from the output of Sigmoid, Elu and Softplus (see <see cref="Kernels"/>).</summary>
internal static partial class Kernels
{
    // ---- [Silu], float ----

    [Silu]
    public static partial void SiluFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Derivative = true)]
    public static partial void SiluDerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Silu]
    public static partial void SiluBackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Silu]
    public static partial void SiluFusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [Silu]
    public static partial float SiluScalarFloat(float x);

    [Silu(Derivative = true)]
    public static partial float SiluDerivativeScalarFloat(float x);

    // ---- [Silu], double ----

    [Silu]
    public static partial void SiluDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Silu(Derivative = true)]
    public static partial void SiluDerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Silu]
    public static partial void SiluBackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Silu]
    public static partial void SiluFusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Silu]
    public static partial double SiluScalarDouble(double x);

    [Silu(Derivative = true)]
    public static partial double SiluDerivativeScalarDouble(double x);

    // ---- backward from the output y = f(x), float (the backward from x is in Kernels.cs) ----

    [Sigmoid(FromOutput = true)]
    public static partial void SigmoidFromOutputFloat(ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Elu(Alpha = 1, FromOutput = true)]
    public static partial void Elu1FromOutputFloat(ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Softplus(FromOutput = true)]
    public static partial void SoftplusFromOutputFloat(ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    // ---- backward from the output, double ----

    [Sigmoid(FromOutput = true)]
    public static partial void SigmoidFromOutputDouble(ReadOnlySpan<double> y, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Elu(Alpha = 1, FromOutput = true)]
    public static partial void Elu1FromOutputDouble(ReadOnlySpan<double> y, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Softplus(FromOutput = true)]
    public static partial void SoftplusFromOutputDouble(ReadOnlySpan<double> y, ReadOnlySpan<double> gradOutput, Span<double> gradInput);
}
