using System;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The kernels under test, written by the ActivationGen generator (see obj/&lt;configuration&gt;/net10.0/generated/).
/// For every attribute and element type: f and f' over spans, backward, fused, and the scalar shape of f and f'
/// (the reference of <c>--verify</c>).
/// </summary>
internal static partial class Kernels
{
    // ---- [Sigmoid], float ----

    [Sigmoid]
    public static partial void SigmoidFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid(Derivative = true)]
    public static partial void SigmoidDerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid]
    public static partial void SigmoidBackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Sigmoid]
    public static partial void SigmoidFusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [Sigmoid]
    public static partial float SigmoidScalarFloat(float x);

    [Sigmoid(Derivative = true)]
    public static partial float SigmoidDerivativeScalarFloat(float x);

    // ---- [Sigmoid], double ----

    [Sigmoid]
    public static partial void SigmoidDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Sigmoid(Derivative = true)]
    public static partial void SigmoidDerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Sigmoid]
    public static partial void SigmoidBackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Sigmoid]
    public static partial void SigmoidFusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Sigmoid]
    public static partial double SigmoidScalarDouble(double x);

    [Sigmoid(Derivative = true)]
    public static partial double SigmoidDerivativeScalarDouble(double x);

    // ---- [Sigmoid(Offset = 2)], float ----

    [Sigmoid(Offset = 2)]
    public static partial void SigmoidOffset2Float(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid(Offset = 2, Derivative = true)]
    public static partial void SigmoidOffset2DerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid(Offset = 2)]
    public static partial void SigmoidOffset2BackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Sigmoid(Offset = 2)]
    public static partial void SigmoidOffset2FusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [Sigmoid(Offset = 2)]
    public static partial float SigmoidOffset2ScalarFloat(float x);

    [Sigmoid(Offset = 2, Derivative = true)]
    public static partial float SigmoidOffset2DerivativeScalarFloat(float x);

    // ---- [Sigmoid(Offset = 2)], double ----

    [Sigmoid(Offset = 2)]
    public static partial void SigmoidOffset2Double(ReadOnlySpan<double> x, Span<double> destination);

    [Sigmoid(Offset = 2, Derivative = true)]
    public static partial void SigmoidOffset2DerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Sigmoid(Offset = 2)]
    public static partial void SigmoidOffset2BackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Sigmoid(Offset = 2)]
    public static partial void SigmoidOffset2FusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Sigmoid(Offset = 2)]
    public static partial double SigmoidOffset2ScalarDouble(double x);

    [Sigmoid(Offset = 2, Derivative = true)]
    public static partial double SigmoidOffset2DerivativeScalarDouble(double x);

    // ---- [SigmoidSum(Count = 100)], float ----

    [SigmoidSum(Count = 100)]
    public static partial void SigmoidSum100Float(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 100, Derivative = true)]
    public static partial void SigmoidSum100DerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 100)]
    public static partial void SigmoidSum100BackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [SigmoidSum(Count = 100)]
    public static partial void SigmoidSum100FusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [SigmoidSum(Count = 100)]
    public static partial float SigmoidSum100ScalarFloat(float x);

    [SigmoidSum(Count = 100, Derivative = true)]
    public static partial float SigmoidSum100DerivativeScalarFloat(float x);

    // ---- [SigmoidSum(Count = 100)], double ----

    [SigmoidSum(Count = 100)]
    public static partial void SigmoidSum100Double(ReadOnlySpan<double> x, Span<double> destination);

    [SigmoidSum(Count = 100, Derivative = true)]
    public static partial void SigmoidSum100DerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [SigmoidSum(Count = 100)]
    public static partial void SigmoidSum100BackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [SigmoidSum(Count = 100)]
    public static partial void SigmoidSum100FusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [SigmoidSum(Count = 100)]
    public static partial double SigmoidSum100ScalarDouble(double x);

    [SigmoidSum(Count = 100, Derivative = true)]
    public static partial double SigmoidSum100DerivativeScalarDouble(double x);

    // ---- [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)], float ----

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)]
    public static partial void SigmoidSumBlogFloat(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1, Derivative = true)]
    public static partial void SigmoidSumBlogDerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)]
    public static partial void SigmoidSumBlogBackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)]
    public static partial void SigmoidSumBlogFusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)]
    public static partial float SigmoidSumBlogScalarFloat(float x);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1, Derivative = true)]
    public static partial float SigmoidSumBlogDerivativeScalarFloat(float x);

    // ---- [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)], double ----

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)]
    public static partial void SigmoidSumBlogDouble(ReadOnlySpan<double> x, Span<double> destination);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1, Derivative = true)]
    public static partial void SigmoidSumBlogDerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)]
    public static partial void SigmoidSumBlogBackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)]
    public static partial void SigmoidSumBlogFusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)]
    public static partial double SigmoidSumBlogScalarDouble(double x);

    [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1, Derivative = true)]
    public static partial double SigmoidSumBlogDerivativeScalarDouble(double x);

    // ---- [Softplus], float ----

    [Softplus]
    public static partial void SoftplusFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Derivative = true)]
    public static partial void SoftplusDerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus]
    public static partial void SoftplusBackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Softplus]
    public static partial void SoftplusFusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [Softplus]
    public static partial float SoftplusScalarFloat(float x);

    [Softplus(Derivative = true)]
    public static partial float SoftplusDerivativeScalarFloat(float x);

    // ---- [Softplus], double ----

    [Softplus]
    public static partial void SoftplusDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Derivative = true)]
    public static partial void SoftplusDerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus]
    public static partial void SoftplusBackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Softplus]
    public static partial void SoftplusFusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Softplus]
    public static partial double SoftplusScalarDouble(double x);

    [Softplus(Derivative = true)]
    public static partial double SoftplusDerivativeScalarDouble(double x);

    // ---- [Relu], float ----

    [Relu]
    public static partial void ReluFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Relu(Derivative = true)]
    public static partial void ReluDerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Relu]
    public static partial void ReluBackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Relu]
    public static partial void ReluFusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [Relu]
    public static partial float ReluScalarFloat(float x);

    [Relu(Derivative = true)]
    public static partial float ReluDerivativeScalarFloat(float x);

    // ---- [Relu], double ----

    [Relu]
    public static partial void ReluDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Relu(Derivative = true)]
    public static partial void ReluDerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Relu]
    public static partial void ReluBackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Relu]
    public static partial void ReluFusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Relu]
    public static partial double ReluScalarDouble(double x);

    [Relu(Derivative = true)]
    public static partial double ReluDerivativeScalarDouble(double x);

    // ---- [Elu(Alpha = 1)], float ----

    [Elu(Alpha = 1)]
    public static partial void Elu1Float(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 1, Derivative = true)]
    public static partial void Elu1DerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 1)]
    public static partial void Elu1BackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Elu(Alpha = 1)]
    public static partial void Elu1FusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [Elu(Alpha = 1)]
    public static partial float Elu1ScalarFloat(float x);

    [Elu(Alpha = 1, Derivative = true)]
    public static partial float Elu1DerivativeScalarFloat(float x);

    // ---- [Elu(Alpha = 1)], double ----

    [Elu(Alpha = 1)]
    public static partial void Elu1Double(ReadOnlySpan<double> x, Span<double> destination);

    [Elu(Alpha = 1, Derivative = true)]
    public static partial void Elu1DerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Elu(Alpha = 1)]
    public static partial void Elu1BackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Elu(Alpha = 1)]
    public static partial void Elu1FusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Elu(Alpha = 1)]
    public static partial double Elu1ScalarDouble(double x);

    [Elu(Alpha = 1, Derivative = true)]
    public static partial double Elu1DerivativeScalarDouble(double x);

    // ---- [Elu(Alpha = 0.5)], float ----

    [Elu(Alpha = 0.5)]
    public static partial void Elu05Float(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 0.5, Derivative = true)]
    public static partial void Elu05DerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 0.5)]
    public static partial void Elu05BackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Elu(Alpha = 0.5)]
    public static partial void Elu05FusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [Elu(Alpha = 0.5)]
    public static partial float Elu05ScalarFloat(float x);

    [Elu(Alpha = 0.5, Derivative = true)]
    public static partial float Elu05DerivativeScalarFloat(float x);

    // ---- [Elu(Alpha = 0.5)], double ----

    [Elu(Alpha = 0.5)]
    public static partial void Elu05Double(ReadOnlySpan<double> x, Span<double> destination);

    [Elu(Alpha = 0.5, Derivative = true)]
    public static partial void Elu05DerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Elu(Alpha = 0.5)]
    public static partial void Elu05BackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Elu(Alpha = 0.5)]
    public static partial void Elu05FusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Elu(Alpha = 0.5)]
    public static partial double Elu05ScalarDouble(double x);

    [Elu(Alpha = 0.5, Derivative = true)]
    public static partial double Elu05DerivativeScalarDouble(double x);

    // ---- [Tanh], float ----

    [Tanh]
    public static partial void TanhFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Tanh(Derivative = true)]
    public static partial void TanhDerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Tanh]
    public static partial void TanhBackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Tanh]
    public static partial void TanhFusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [Tanh]
    public static partial float TanhScalarFloat(float x);

    [Tanh(Derivative = true)]
    public static partial float TanhDerivativeScalarFloat(float x);

    // ---- [Tanh], double ----

    [Tanh]
    public static partial void TanhDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Tanh(Derivative = true)]
    public static partial void TanhDerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Tanh]
    public static partial void TanhBackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Tanh]
    public static partial void TanhFusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Tanh]
    public static partial double TanhScalarDouble(double x);

    [Tanh(Derivative = true)]
    public static partial double TanhDerivativeScalarDouble(double x);

    // ---- [Mish], float ----

    [Mish]
    public static partial void MishFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Mish(Derivative = true)]
    public static partial void MishDerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Mish]
    public static partial void MishBackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Mish]
    public static partial void MishFusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [Mish]
    public static partial float MishScalarFloat(float x);

    [Mish(Derivative = true)]
    public static partial float MishDerivativeScalarFloat(float x);

    // ---- [Mish], double ----

    [Mish]
    public static partial void MishDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Mish(Derivative = true)]
    public static partial void MishDerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Mish]
    public static partial void MishBackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Mish]
    public static partial void MishFusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Mish]
    public static partial double MishScalarDouble(double x);

    [Mish(Derivative = true)]
    public static partial double MishDerivativeScalarDouble(double x);

    // ---- [Gelu(Approximate = GeluApproximation.Tanh)], float ----

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanhFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Approximate = GeluApproximation.Tanh, Derivative = true)]
    public static partial void GeluTanhDerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanhBackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanhFusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial float GeluTanhScalarFloat(float x);

    [Gelu(Approximate = GeluApproximation.Tanh, Derivative = true)]
    public static partial float GeluTanhDerivativeScalarFloat(float x);

    // ---- [Gelu(Approximate = GeluApproximation.Tanh)], double ----

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanhDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Gelu(Approximate = GeluApproximation.Tanh, Derivative = true)]
    public static partial void GeluTanhDerivativeDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanhBackwardDouble(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanhFusedDouble(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial double GeluTanhScalarDouble(double x);

    [Gelu(Approximate = GeluApproximation.Tanh, Derivative = true)]
    public static partial double GeluTanhDerivativeScalarDouble(double x);
}
