using System;
using ActivationGen;

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
}
