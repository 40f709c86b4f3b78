using System;

namespace ActivationGen.Accuracy;

/// <summary>The catalog's piecewise activations (and softsign), float, f and f'.</summary>
internal static partial class Kernels
{
    [LeakyRelu(NegativeSlope = 0.01)]
    public static partial void LeakyRelu(ReadOnlySpan<float> x, Span<float> destination);

    [LeakyRelu(NegativeSlope = 0.01, Derivative = true)]
    public static partial void LeakyReluDerivative(ReadOnlySpan<float> x, Span<float> destination);

    [LeakyRelu(NegativeSlope = 0.2)]
    public static partial void LeakyRelu_0p2(ReadOnlySpan<float> x, Span<float> destination);

    [LeakyRelu(NegativeSlope = 0.2, Derivative = true)]
    public static partial void LeakyRelu_0p2Derivative(ReadOnlySpan<float> x, Span<float> destination);

    [HardSigmoid]
    public static partial void HardSigmoid(ReadOnlySpan<float> x, Span<float> destination);

    [HardSigmoid(Derivative = true)]
    public static partial void HardSigmoidDerivative(ReadOnlySpan<float> x, Span<float> destination);

    [HardSwish]
    public static partial void HardSwish(ReadOnlySpan<float> x, Span<float> destination);

    [HardSwish(Derivative = true)]
    public static partial void HardSwishDerivative(ReadOnlySpan<float> x, Span<float> destination);

    [HardTanh(Min = -0.1, Max = 0.7)]
    public static partial void HardTanh(ReadOnlySpan<float> x, Span<float> destination);

    [HardTanh(Min = -0.1, Max = 0.7, Derivative = true)]
    public static partial void HardTanhDerivative(ReadOnlySpan<float> x, Span<float> destination);

    [Softsign]
    public static partial void Softsign(ReadOnlySpan<float> x, Span<float> destination);

    [Softsign(Derivative = true)]
    public static partial void SoftsignDerivative(ReadOnlySpan<float> x, Span<float> destination);
}
