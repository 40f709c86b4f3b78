using System;

namespace ActivationGen.Accuracy;

/// <summary>
/// The generated code under test: every float f and f', through the span shape
/// <c>void M(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination)</c>. The sweep finds these methods by
/// reflection and reads each attribute's constants back (ACTIVATIONGEN_KEEP_ATTRIBUTES is defined in the project),
/// so the double reference always uses exactly the parameters the generator was given. A method named <c>X</c>
/// computes f; <c>XDerivative</c> computes f' with the same constants.
/// </summary>
internal static partial class Kernels
{
    // ---- Sigmoid ---------------------------------------------------------------------------------------------

    [Sigmoid(Offset = 0)]
    public static partial void Sigmoid_0(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid(Offset = 0, Derivative = true)]
    public static partial void Sigmoid_0Derivative(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid(Offset = 2)]
    public static partial void Sigmoid_2(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid(Offset = 2, Derivative = true)]
    public static partial void Sigmoid_2Derivative(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid(Offset = -3.5)]
    public static partial void Sigmoid_Minus3p5(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid(Offset = -3.5, Derivative = true)]
    public static partial void Sigmoid_Minus3p5Derivative(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid(Offset = 1000.25)]
    public static partial void Sigmoid_1000p25(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid(Offset = 1000.25, Derivative = true)]
    public static partial void Sigmoid_1000p25Derivative(ReadOnlySpan<float> x, Span<float> destination);

    // ---- SigmoidSum ------------------------------------------------------------------------------------------

    // The defaults: Count = 100, From = 0, To = 10, Scale = 1.
    [SigmoidSum]
    public static partial void SigmoidSum_Defaults(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Derivative = true)]
    public static partial void SigmoidSum_DefaultsDerivative(ReadOnlySpan<float> x, Span<float> destination);

    // The blog's sum of sigmoids.
    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)]
    public static partial void SigmoidSum_Blog(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1, Derivative = true)]
    public static partial void SigmoidSum_BlogDerivative(ReadOnlySpan<float> x, Span<float> destination);

    // Euler–Maclaurin with offsets that are no floats, away from the origin.
    [SigmoidSum(Count = 100, From = -777.7, To = -757.9, Scale = 0.1)]
    public static partial void SigmoidSum_Shifted(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 100, From = -777.7, To = -757.9, Scale = 0.1, Derivative = true)]
    public static partial void SigmoidSum_ShiftedDerivative(ReadOnlySpan<float> x, Span<float> destination);

    // Euler–Maclaurin at a small spacing (0.01).
    [SigmoidSum(Count = 1000, From = -5, To = 4.99)]
    public static partial void SigmoidSum_Dense(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 1000, From = -5, To = 4.99, Derivative = true)]
    public static partial void SigmoidSum_DenseDerivative(ReadOnlySpan<float> x, Span<float> destination);

    // A total range below 1: the Taylor series about the midpoint.
    [SigmoidSum(Count = 100, From = -0.0495, To = 0.0495, Scale = 3)]
    public static partial void SigmoidSum_Narrow(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 100, From = -0.0495, To = 0.0495, Scale = 3, Derivative = true)]
    public static partial void SigmoidSum_NarrowDerivative(ReadOnlySpan<float> x, Span<float> destination);

    // Few terms, far from the origin, with a scale that is not a power of two.
    [SigmoidSum(Count = 7, From = -1000, To = -990, Scale = 2.5)]
    public static partial void SigmoidSum_Far(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 7, From = -1000, To = -990, Scale = 2.5, Derivative = true)]
    public static partial void SigmoidSum_FarDerivative(ReadOnlySpan<float> x, Span<float> destination);

    // ---- Softplus, Relu --------------------------------------------------------------------------------------

    [Softplus]
    public static partial void Softplus(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Derivative = true)]
    public static partial void SoftplusDerivative(ReadOnlySpan<float> x, Span<float> destination);

    [Relu]
    public static partial void Relu(ReadOnlySpan<float> x, Span<float> destination);

    [Relu(Derivative = true)]
    public static partial void ReluDerivative(ReadOnlySpan<float> x, Span<float> destination);

    // ---- Elu -------------------------------------------------------------------------------------------------

    [Elu(Alpha = 1)]
    public static partial void Elu_1(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 1, Derivative = true)]
    public static partial void Elu_1Derivative(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 0.25)]
    public static partial void Elu_0p25(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 0.25, Derivative = true)]
    public static partial void Elu_0p25Derivative(ReadOnlySpan<float> x, Span<float> destination);

    // SELU's alpha.
    [Elu(Alpha = 1.6732632423543772)]
    public static partial void Elu_Selu(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 1.6732632423543772, Derivative = true)]
    public static partial void Elu_SeluDerivative(ReadOnlySpan<float> x, Span<float> destination);

    // ---- Tanh, Mish, Gelu ------------------------------------------------------------------------------------

    [Tanh]
    public static partial void Tanh(ReadOnlySpan<float> x, Span<float> destination);

    [Tanh(Derivative = true)]
    public static partial void TanhDerivative(ReadOnlySpan<float> x, Span<float> destination);

    [Mish]
    public static partial void Mish(ReadOnlySpan<float> x, Span<float> destination);

    [Mish(Derivative = true)]
    public static partial void MishDerivative(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu]
    public static partial void Gelu(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Derivative = true)]
    public static partial void GeluDerivative(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void Gelu_Tanh(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Approximate = GeluApproximation.Tanh, Derivative = true)]
    public static partial void Gelu_TanhDerivative(ReadOnlySpan<float> x, Span<float> destination);
}
