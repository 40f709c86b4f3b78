using System;

namespace ActivationGen.Benchmarks;

/// <summary>Exact GELU and SELU (see <see cref="Kernels"/>).</summary>
internal static partial class Kernels
{
    // ---- [Gelu], float ----

    [Gelu]
    public static partial void GeluFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Derivative = true)]
    public static partial void GeluDerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu]
    public static partial void GeluBackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Gelu]
    public static partial void GeluFusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [Gelu]
    public static partial float GeluScalarFloat(float x);

    [Gelu(Derivative = true)]
    public static partial float GeluDerivativeScalarFloat(float x);

    // ---- [Gelu], double ----

    [Gelu]
    public static partial void GeluDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Gelu(Derivative = true)]
    public static partial void GeluDerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Gelu]
    public static partial void GeluBackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Gelu]
    public static partial void GeluFusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Gelu]
    public static partial double GeluScalarDouble(double x);

    [Gelu(Derivative = true)]
    public static partial double GeluDerivativeScalarDouble(double x);

    // ---- [Selu], float ----

    [Selu]
    public static partial void SeluFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Selu(Derivative = true)]
    public static partial void SeluDerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Selu]
    public static partial void SeluBackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Selu]
    public static partial void SeluFusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [Selu]
    public static partial float SeluScalarFloat(float x);

    [Selu(Derivative = true)]
    public static partial float SeluDerivativeScalarFloat(float x);

    // ---- [Selu], double ----

    [Selu]
    public static partial void SeluDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Selu(Derivative = true)]
    public static partial void SeluDerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Selu]
    public static partial void SeluBackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Selu]
    public static partial void SeluFusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Selu]
    public static partial double SeluScalarDouble(double x);

    [Selu(Derivative = true)]
    public static partial double SeluDerivativeScalarDouble(double x);

}
