using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The backward from the output, <c>[X(FromOutput = true)]</c> (gradInput = gradOutput·f'(x) computed from y = f(x)),
/// against the backward from the input x (the baseline of each category), for Sigmoid, Elu(Alpha = 1) and Softplus.
/// The data is that of the other classes: x uniform in [-10, 10], y = f(x) computed once in the setup.
/// Not part of the ratio table (no TensorPrimitives or scalar contender); run with
/// <c>--filter '*FromOutput*'</c>.
/// </summary>
public abstract class FromOutputBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [Params(4_096, 1_048_576, 16_777_216)]
    public int N { get; set; } = 4_096;

    protected T[] X { get; private set; } = [];

    protected T[] GradOutput { get; private set; } = [];

    protected T[] GradInput { get; private set; } = [];

    protected T[] SigmoidY { get; private set; } = [];

    protected T[] EluY { get; private set; } = [];

    protected T[] SoftplusY { get; private set; } = [];

    [GlobalSetup]
    public void Setup()
    {
        X = new T[N];
        GradOutput = new T[N];
        GradInput = new T[N];
        var random = new Random(ActivationBenchmarks<T>.Seed);
        for (var i = 0; i < N; i++)
        {
            X[i] = T.CreateChecked(random.NextDouble() * 20 - 10);
        }

        for (var i = 0; i < N; i++)
        {
            GradOutput[i] = T.CreateChecked(random.NextDouble() * 2 - 1);
        }

        GradInput.AsSpan().Fill(T.One);
        SigmoidY = Forward(Sigmoid);
        EluY = Forward(Elu);
        SoftplusY = Forward(Softplus);

        // The two ways agree (to the rounding of y): a benchmark of a wrong kernel would mean nothing.
        Check(SigmoidFromX, SigmoidFromY, "Sigmoid");
        Check(EluFromX, EluFromY, "Elu");
        Check(SoftplusFromX, SoftplusFromY, "Softplus");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("sigmoid")]
    public void SigmoidFromX() => BackwardSigmoid(X, GradOutput, GradInput);

    [Benchmark, BenchmarkCategory("sigmoid")]
    public void SigmoidFromY() => BackwardSigmoidFromOutput(SigmoidY, GradOutput, GradInput);

    [Benchmark(Baseline = true), BenchmarkCategory("elu")]
    public void EluFromX() => BackwardElu(X, GradOutput, GradInput);

    [Benchmark, BenchmarkCategory("elu")]
    public void EluFromY() => BackwardEluFromOutput(EluY, GradOutput, GradInput);

    [Benchmark(Baseline = true), BenchmarkCategory("softplus")]
    public void SoftplusFromX() => BackwardSoftplus(X, GradOutput, GradInput);

    [Benchmark, BenchmarkCategory("softplus")]
    public void SoftplusFromY() => BackwardSoftplusFromOutput(SoftplusY, GradOutput, GradInput);

    protected abstract void Sigmoid(ReadOnlySpan<T> x, Span<T> y);

    protected abstract void Elu(ReadOnlySpan<T> x, Span<T> y);

    protected abstract void Softplus(ReadOnlySpan<T> x, Span<T> y);

    protected abstract void BackwardSigmoid(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    protected abstract void BackwardSigmoidFromOutput(ReadOnlySpan<T> y, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    protected abstract void BackwardElu(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    protected abstract void BackwardEluFromOutput(ReadOnlySpan<T> y, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    protected abstract void BackwardSoftplus(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    protected abstract void BackwardSoftplusFromOutput(ReadOnlySpan<T> y, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    private delegate void Map(ReadOnlySpan<T> x, Span<T> y);

    private T[] Forward(Map forward)
    {
        var y = new T[N];
        forward(X, y);
        return y;
    }

    private void Check(Action fromX, Action fromY, string name)
    {
        fromX();
        var expected = (T[])GradInput.Clone();
        fromY();
        var tolerance = T.CreateChecked(typeof(T) == typeof(float) ? 1e-5 : 1e-13);
        for (var i = 0; i < N; i++)
        {
            if (T.Abs(GradInput[i] - expected[i]) > tolerance * T.Max(T.One, T.Abs(expected[i])))
            {
                throw new InvalidOperationException($"{name}: from y {GradInput[i]}, from x {expected[i]} at x = {X[i]}");
            }
        }
    }
}

public class FromOutputFloat : FromOutputBenchmarks<float>
{
    protected override void Sigmoid(ReadOnlySpan<float> x, Span<float> y) => Kernels.SigmoidFloat(x, y);

    protected override void Elu(ReadOnlySpan<float> x, Span<float> y) => Kernels.Elu1Float(x, y);

    protected override void Softplus(ReadOnlySpan<float> x, Span<float> y) => Kernels.SoftplusFloat(x, y);

    protected override void BackwardSigmoid(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SigmoidBackwardFloat(x, gradOutput, gradInput);

    protected override void BackwardSigmoidFromOutput(ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SigmoidFromOutputFloat(y, gradOutput, gradInput);

    protected override void BackwardElu(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.Elu1BackwardFloat(x, gradOutput, gradInput);

    protected override void BackwardEluFromOutput(ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.Elu1FromOutputFloat(y, gradOutput, gradInput);

    protected override void BackwardSoftplus(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SoftplusBackwardFloat(x, gradOutput, gradInput);

    protected override void BackwardSoftplusFromOutput(ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SoftplusFromOutputFloat(y, gradOutput, gradInput);
}

public class FromOutputDouble : FromOutputBenchmarks<double>
{
    protected override void Sigmoid(ReadOnlySpan<double> x, Span<double> y) => Kernels.SigmoidDouble(x, y);

    protected override void Elu(ReadOnlySpan<double> x, Span<double> y) => Kernels.Elu1Double(x, y);

    protected override void Softplus(ReadOnlySpan<double> x, Span<double> y) => Kernels.SoftplusDouble(x, y);

    protected override void BackwardSigmoid(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.SigmoidBackwardDouble(x, gradOutput, gradInput);

    protected override void BackwardSigmoidFromOutput(ReadOnlySpan<double> y, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.SigmoidFromOutputDouble(y, gradOutput, gradInput);

    protected override void BackwardElu(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.Elu1BackwardDouble(x, gradOutput, gradInput);

    protected override void BackwardEluFromOutput(ReadOnlySpan<double> y, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.Elu1FromOutputDouble(y, gradOutput, gradInput);

    protected override void BackwardSoftplus(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.SoftplusBackwardDouble(x, gradOutput, gradInput);

    protected override void BackwardSoftplusFromOutput(ReadOnlySpan<double> y, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.SoftplusFromOutputDouble(y, gradOutput, gradInput);
}
