using System;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// [Activation] definitions that are mathematically catalog activations, against the catalog attribute (the baseline of
/// each category), f and backward, float: <c>x * Fn.Sigmoid(x)</c> against <c>[Silu]</c>, the naive softplus
/// <c>Math.Log(1 + Math.Exp(x))</c> against <c>[Softplus]</c>, the naive ELU <c>x &gt; 0 ? x : 0.5 * (Math.Exp(x) - 1)</c>
/// against <c>[Elu(Alpha = 0.5)]</c>. x uniform in [-10, 10] as in the other classes. Not part of the ratio table; run with
/// <c>--filter '*Custom*'</c>.
/// </summary>
public partial class CustomFloat
{
    [Params(4_096)]
    public int N { get; set; } = 4_096;

    private float[] _x = [];
    private float[] _gradOutput = [];
    private float[] _result = [];

    public static double Swish(double x) => x * Fn.Sigmoid(x);

    public static double NaiveSoftplus(double x) => Math.Log(1 + Math.Exp(x));

    public static double NaiveElu(double x) => x > 0 ? x : 0.5 * (Math.Exp(x) - 1);

    [GlobalSetup]
    public void Setup()
    {
        _x = new float[N];
        _gradOutput = new float[N];
        _result = new float[N];
        var random = new Random(ActivationBenchmarks<float>.Seed);
        for (var i = 0; i < N; i++)
        {
            _x[i] = (float)(random.NextDouble() * 20 - 10);
            _gradOutput[i] = (float)(random.NextDouble() * 2 - 1);
        }

        // Each definition agrees with its catalog attribute: a benchmark of a wrong kernel would mean nothing.
        Check(SiluF, SwishF, "swish f");
        Check(SiluBackward, SwishBackward, "swish backward");
        Check(SoftplusF, NaiveSoftplusF, "softplus f");
        Check(SoftplusBackward, NaiveSoftplusBackward, "softplus backward");
        Check(EluF, NaiveEluF, "elu f");
        Check(EluBackward, NaiveEluBackward, "elu backward");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("silu f")]
    public void SiluF() => CatalogSilu(_x, _result);

    [Benchmark, BenchmarkCategory("silu f")]
    public void SwishF() => CustomSwish(_x, _result);

    [Benchmark(Baseline = true), BenchmarkCategory("silu backward")]
    public void SiluBackward() => CatalogSiluBackward(_x, _gradOutput, _result);

    [Benchmark, BenchmarkCategory("silu backward")]
    public void SwishBackward() => CustomSwishBackward(_x, _gradOutput, _result);

    [Benchmark(Baseline = true), BenchmarkCategory("softplus f")]
    public void SoftplusF() => CatalogSoftplus(_x, _result);

    [Benchmark, BenchmarkCategory("softplus f")]
    public void NaiveSoftplusF() => CustomSoftplus(_x, _result);

    [Benchmark(Baseline = true), BenchmarkCategory("softplus backward")]
    public void SoftplusBackward() => CatalogSoftplusBackward(_x, _gradOutput, _result);

    [Benchmark, BenchmarkCategory("softplus backward")]
    public void NaiveSoftplusBackward() => CustomSoftplusBackward(_x, _gradOutput, _result);

    [Benchmark(Baseline = true), BenchmarkCategory("elu f")]
    public void EluF() => CatalogElu(_x, _result);

    [Benchmark, BenchmarkCategory("elu f")]
    public void NaiveEluF() => CustomElu(_x, _result);

    [Benchmark(Baseline = true), BenchmarkCategory("elu backward")]
    public void EluBackward() => CatalogEluBackward(_x, _gradOutput, _result);

    [Benchmark, BenchmarkCategory("elu backward")]
    public void NaiveEluBackward() => CustomEluBackward(_x, _gradOutput, _result);

    [Silu] private static partial void CatalogSilu(ReadOnlySpan<float> x, Span<float> destination);

    [Silu] private static partial void CatalogSiluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Activation(nameof(Swish))] private static partial void CustomSwish(ReadOnlySpan<float> x, Span<float> destination);

    [Activation(nameof(Swish))] private static partial void CustomSwishBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Softplus] private static partial void CatalogSoftplus(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus] private static partial void CatalogSoftplusBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Activation(nameof(NaiveSoftplus))] private static partial void CustomSoftplus(ReadOnlySpan<float> x, Span<float> destination);

    [Activation(nameof(NaiveSoftplus))] private static partial void CustomSoftplusBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Elu(Alpha = 0.5)] private static partial void CatalogElu(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 0.5)] private static partial void CatalogEluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Activation(nameof(NaiveElu))] private static partial void CustomElu(ReadOnlySpan<float> x, Span<float> destination);

    [Activation(nameof(NaiveElu))] private static partial void CustomEluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    private void Check(Action catalog, Action custom, string name)
    {
        catalog();
        var expected = (float[])_result.Clone();
        custom();
        for (var i = 0; i < N; i++)
        {
            if (Math.Abs(_result[i] - expected[i]) > 1e-6f * Math.Max(1f, Math.Abs(expected[i])))
            {
                throw new InvalidOperationException($"{name}: [Activation] {_result[i]}, catalog {expected[i]} at x = {_x[i]}");
            }
        }
    }
}
