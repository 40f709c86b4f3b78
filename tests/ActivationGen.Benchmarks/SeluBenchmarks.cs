using System;
using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace ActivationGen.Benchmarks;

/// <summary>
/// selu(x) = λ·(max(x, 0) + α·expm1(min(x, 0))); selu'(x) = λ·(x &gt; 0 ? 1 : α·e^x). The baseline is ELU's fastest
/// composition (<see cref="EluBenchmarks{T}"/>) with one more pass for λ; the scalar loop the textbook formula.
/// </summary>
public abstract class SeluBenchmarks<T> : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Alpha = T.CreateChecked(1.6732632423543772);
    private static readonly T Lambda = T.CreateChecked(1.0507009873554805);
    private static readonly T LambdaAlpha = T.CreateChecked(1.0507009873554805 * 1.6732632423543772);

    protected override void TensorPrimitivesF(ReadOnlySpan<T> x, Span<T> destination)
    {
        var t = Scratch.AsSpan(0, x.Length);
        TP.Min(x, T.Zero, t);
        TP.ExpM1(t, t);
        TP.Max(x, T.Zero, destination);
        TP.MultiplyAdd(t, Alpha, destination, destination);
        TP.Multiply(destination, Lambda, destination);
    }

    protected override void TensorPrimitivesDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        TP.Min(x, T.Zero, destination);
        TP.Exp(destination, destination);
        Scale(x, destination);
    }

    protected override void TensorPrimitivesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        TensorPrimitivesDerivative(x, gradInput);
        TP.Multiply(gradInput, gradOutput, gradInput);
    }

    // One exponential for both: e = e^min(x, 0), f = λ·(α·e + (max(x, 0) - α)), f' = λ·e·(x > 0 ? 1 : α).
    protected override void TensorPrimitivesFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        var t = Scratch.AsSpan(0, x.Length);
        TP.Min(x, T.Zero, derivative);
        TP.Exp(derivative, derivative);
        TP.Max(x, T.Zero, t);
        TP.Subtract(t, Alpha, t);
        TP.MultiplyAdd(derivative, Alpha, t, destination);
        TP.Multiply(destination, Lambda, destination);
        Scale(x, derivative);
    }

    protected override void ScalarLoopF(ReadOnlySpan<T> x, Span<T> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = Lambda * (x[i] > T.Zero ? x[i] : Alpha * (T.Exp(x[i]) - T.One));
        }
    }

    protected override void ScalarLoopDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > T.Zero ? Lambda : LambdaAlpha * T.Exp(x[i]);
        }
    }

    protected override void ScalarLoopBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            gradInput[i] = gradOutput[i] * (x[i] > T.Zero ? Lambda : LambdaAlpha * T.Exp(x[i]));
        }
    }

    protected override void ScalarLoopFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var e = T.Exp(x[i]);
            destination[i] = Lambda * (x[i] > T.Zero ? x[i] : Alpha * (e - T.One));
            derivative[i] = x[i] > T.Zero ? Lambda : LambdaAlpha * e;
        }
    }

    // d = e^min(x, 0) becomes λ·(x > 0 ? 1 : α·e^x), as λα·d + λ(1 - α)·c with c = Ceiling(Clamp(x, 0, 1)).
    private void Scale(ReadOnlySpan<T> x, Span<T> d)
    {
        var c = Scratch2.AsSpan(0, x.Length);
        TP.Clamp(x, T.Zero, T.One, c);
        TP.Ceiling(c, c);
        TP.Multiply(c, Lambda * (T.One - Alpha), c);
        TP.MultiplyAdd(d, LambdaAlpha, c, d);
    }
}

public class SeluFloat() : SeluBenchmarks<float>
{
    public override string Attribute => "Selu";

    public override float ReferenceF(float x) => Kernels.SeluScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.SeluDerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SeluFloat(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SeluDerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SeluBackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.SeluFusedFloat(x, destination, derivative);
}

public class SeluDouble() : SeluBenchmarks<double>
{
    public override string Attribute => "Selu";

    public override double ReferenceF(double x) => Kernels.SeluScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.SeluDerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SeluDouble(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SeluDerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.SeluBackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.SeluFusedDouble(x, destination, derivative);
}
