using System;

namespace ActivationGen.Samples;

/// <summary>The rest of the catalog (PyTorch's and oneDNN's usual activations), fused: f and f' in one pass, for the figures.</summary>
internal static partial class Activations
{
    [LeakyRelu(NegativeSlope = 0.1)]
    public static partial void LeakyReluFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [HardSigmoid]
    public static partial void HardSigmoidFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [HardSwish]
    public static partial void HardSwishFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [HardTanh(Min = 0, Max = 6)]
    public static partial void Relu6Fused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Softsign]
    public static partial void SoftsignFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Selu]
    public static partial void SeluFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Celu(Alpha = 2)]
    public static partial void CeluFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Gelu]
    public static partial void GeluFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanhFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Silu]
    public static partial void SiluFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Mish]
    public static partial void MishFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Tanh]
    public static partial void TanhFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [LogSigmoid]
    public static partial void LogSigmoidFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Softplus(Beta = 2)]
    public static partial void SoftplusBeta2Fused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);
}
