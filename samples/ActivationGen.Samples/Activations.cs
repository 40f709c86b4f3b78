using System;

namespace ActivationGen.Samples;

/// <summary>
/// Every activation of ActivationGen. Each method is declared without a body; the generator writes a vectorized
/// implementation with the attribute's constants baked in. The sample uses five of the method shapes:
/// span (f or f'), scalar, fused (f and f' in one pass), and, for training, span forward plus backward.
/// </summary>
internal static partial class Activations
{
    // ---- f and f' as separate span methods (Derivative = true): the printed table -----------------------------

    [Sigmoid]
    public static partial void Sigmoid(ReadOnlySpan<double> x, Span<double> destination);

    [Sigmoid(Derivative = true)]
    public static partial void SigmoidDerivative(ReadOnlySpan<double> x, Span<double> destination);

    [Sigmoid(Offset = 2)]
    public static partial void SigmoidOffset2(ReadOnlySpan<double> x, Span<double> destination);

    [Sigmoid(Offset = 2, Derivative = true)]
    public static partial void SigmoidOffset2Derivative(ReadOnlySpan<double> x, Span<double> destination);

    // The blog's "sum of sigmoids": 100 sigmoids with offsets 0, 0.099.., .., 9.8, divided by 10.
    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)]
    public static partial void SigmoidSum(ReadOnlySpan<double> x, Span<double> destination);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1, Derivative = true)]
    public static partial void SigmoidSumDerivative(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus]
    public static partial void Softplus(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Derivative = true)]
    public static partial void SoftplusDerivative(ReadOnlySpan<double> x, Span<double> destination);

    [Relu]
    public static partial void Relu(ReadOnlySpan<double> x, Span<double> destination);

    [Relu(Derivative = true)]
    public static partial void ReluDerivative(ReadOnlySpan<double> x, Span<double> destination);

    [Elu(Alpha = 1.0)]
    public static partial void Elu(ReadOnlySpan<double> x, Span<double> destination);

    // The scalar shape: one value in, one value out.
    [Elu(Alpha = 1.0, Derivative = true)]
    public static partial double EluDerivative(double x);

    // ---- fused: f and f' in one pass (the figures) ------------------------------------------------------------

    [Sigmoid]
    public static partial void SigmoidFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)]
    public static partial void SigmoidSumFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Softplus]
    public static partial void SoftplusFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Relu]
    public static partial void ReluFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Elu(Alpha = 1.0)]
    public static partial void EluFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    // ---- forward and backward in float (the training demo) ----------------------------------------------------
    // Backward: gradInput[i] = gradOutput[i] · f'(x[i]), with x the pre-activation the forward pass was given.

    [Sigmoid]
    public static partial void SigmoidForward(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid]
    public static partial void SigmoidBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Elu(Alpha = 1.0)]
    public static partial void EluForward(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 1.0)]
    public static partial void EluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Relu]
    public static partial void ReluForward(ReadOnlySpan<float> x, Span<float> destination);

    [Relu]
    public static partial void ReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
}
