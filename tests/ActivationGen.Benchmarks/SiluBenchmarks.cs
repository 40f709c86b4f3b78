using System;
using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace ActivationGen.Benchmarks;

/// <summary>
/// silu(x) = x·σ(x); silu'(x) = σ(x)·(1 + x·(1 - σ(x))). TensorPrimitives has Sigmoid but no SiLU: the baseline is
/// the composition x·TensorPrimitives.Sigmoid(x), and for f' σ·(1 + x·(1 - σ)) from the same Sigmoid pass.
/// </summary>
public abstract class SiluBenchmarks<T> : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override void TensorPrimitivesF(ReadOnlySpan<T> x, Span<T> destination)
    {
        TP.Sigmoid(x, destination);
        TP.Multiply(destination, x, destination);
    }

    protected override void TensorPrimitivesDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        var s = Scratch.AsSpan(0, x.Length);
        TP.Sigmoid(x, s);
        TP.Subtract(T.One, s, destination);               // 1 - σ
        TP.MultiplyAdd(x, destination, T.One, destination); // 1 + x·(1 - σ)
        TP.Multiply(destination, s, destination);
    }

    protected override void TensorPrimitivesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        TensorPrimitivesDerivative(x, gradInput);
        TP.Multiply(gradInput, gradOutput, gradInput);
    }

    protected override void TensorPrimitivesFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        var s = Scratch.AsSpan(0, x.Length);
        TP.Sigmoid(x, s);
        TP.Multiply(s, x, destination);
        TP.Subtract(T.One, s, derivative);
        TP.MultiplyAdd(x, derivative, T.One, derivative);
        TP.Multiply(derivative, s, derivative);
    }

    // The plain scalar loop, as one would write SiLU by hand.
    protected override void ScalarLoopF(ReadOnlySpan<T> x, Span<T> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] / (T.One + T.Exp(-x[i]));
        }
    }

    protected override void ScalarLoopDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var s = T.One / (T.One + T.Exp(-x[i]));
            destination[i] = s * (T.One + x[i] * (T.One - s));
        }
    }

    protected override void ScalarLoopBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var s = T.One / (T.One + T.Exp(-x[i]));
            gradInput[i] = gradOutput[i] * (s * (T.One + x[i] * (T.One - s)));
        }
    }

    protected override void ScalarLoopFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var s = T.One / (T.One + T.Exp(-x[i]));
            destination[i] = x[i] * s;
            derivative[i] = s * (T.One + x[i] * (T.One - s));
        }
    }
}

public class SiluFloat() : SiluBenchmarks<float>
{
    public override string Attribute => "Silu";

    public override float ReferenceF(float x) => Kernels.SiluScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.SiluDerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SiluFloat(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SiluDerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SiluBackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.SiluFusedFloat(x, destination, derivative);
}

public class SiluDouble() : SiluBenchmarks<double>
{
    public override string Attribute => "Silu";

    public override double ReferenceF(double x) => Kernels.SiluScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.SiluDerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SiluDouble(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SiluDerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.SiluBackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.SiluFusedDouble(x, destination, derivative);
}
