using System;
using System.Linq;
using System.Reflection;
using ActivationGen.Tests.Infrastructure;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>
/// Special values of Selu, Celu, Silu, LogSigmoid and Softplus with Beta (NaN, ±∞, the kinks, overflow of the
/// intermediate Beta·x and x/Alpha), and the backward from the output of Sigmoid, Elu, Celu, Selu and Softplus.
/// The tables under Reference/ check the accuracy; these check the values that must come out exactly.
/// </summary>
[Trait("Category", "Execution")]
public class ExponentialFamilyTests
{
    private const double Lambda = 1.0507009873554804934193349852946;
    private const double LambdaAlpha = 1.7580993408473768; // λα = 1.75809934084737685994… (mpmath), rounded

    public static readonly TheoryData<string> Attributes = new()
    {
        "Selu",
        "Celu",
        "Celu(Alpha = 0.3)",
        "Celu(Alpha = -2)",
        "Silu",
        "Silu(Beta = 1.702)",
        "Silu(Beta = -0.7)",
        "Silu(Beta = 0)",
        "LogSigmoid",
        "Softplus(Beta = 3)",
        "Softplus(Beta = 0.1)",
        "Softplus(Beta = -1)",
    };

    [Theory]
    [MemberData(nameof(Attributes))]
    public void NaN_gives_NaN_in_every_lane(string attribute)
    {
        var single = KernelCache.Get<float>(attribute);
        var dbl = KernelCache.Get<double>(attribute);
        Assert.True(float.IsNaN(single.F(float.NaN)) && float.IsNaN(single.D(float.NaN)), "float");
        Assert.True(double.IsNaN(dbl.F(double.NaN)) && double.IsNaN(dbl.D(double.NaN)), "double");

        var values = Enumerable.Range(0, 41).Select(i => i % 3 == 0 ? float.NaN : i - 20f).ToArray();
        var y = new float[values.Length];
        var dy = new float[values.Length];
        single.Fused(values, y, dy);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(float.IsNaN(values[i]), float.IsNaN(y[i]));
            Assert.Equal(float.IsNaN(values[i]), float.IsNaN(dy[i]));
        }
    }

    [Theory]
    [InlineData("Selu", double.PositiveInfinity, -LambdaAlpha, Lambda, 0)]
    [InlineData("Celu", double.PositiveInfinity, -1, 1, 0)]
    [InlineData("Celu(Alpha = 0.3)", double.PositiveInfinity, -0.3, 1, 0)]
    [InlineData("Celu(Alpha = -2)", double.PositiveInfinity, double.NegativeInfinity, 1, double.PositiveInfinity)]
    [InlineData("Silu", double.PositiveInfinity, 0, 1, 0)]
    [InlineData("Silu(Beta = 1.702)", double.PositiveInfinity, 0, 1, 0)]
    [InlineData("Silu(Beta = -0.7)", 0, double.NegativeInfinity, 0, 1)]
    [InlineData("Silu(Beta = 0)", double.PositiveInfinity, double.NegativeInfinity, 0.5, 0.5)]
    [InlineData("LogSigmoid", 0, double.NegativeInfinity, 0, 1)]
    [InlineData("Softplus(Beta = 3)", double.PositiveInfinity, 0, 1, 0)]
    [InlineData("Softplus(Beta = 0.1)", double.PositiveInfinity, 0, 1, 0)]
    [InlineData("Softplus(Beta = -1)", 0, double.NegativeInfinity, 0, 1)]
    public void Infinities_give_the_limits(string attribute, double fPlus, double fMinus, double dPlus, double dMinus)
    {
        var single = KernelCache.Get<float>(attribute);
        var dbl = KernelCache.Get<double>(attribute);
        Assert.Equal(fPlus, dbl.F(double.PositiveInfinity));
        Assert.Equal(fMinus, dbl.F(double.NegativeInfinity));
        Assert.Equal(dPlus, dbl.D(double.PositiveInfinity));
        Assert.Equal(dMinus, dbl.D(double.NegativeInfinity));
        Assert.Equal((float)fPlus, single.F(float.PositiveInfinity));
        Assert.Equal((float)fMinus, single.F(float.NegativeInfinity));
        Assert.Equal((float)dPlus, single.D(float.PositiveInfinity));
        Assert.Equal((float)dMinus, single.D(float.NegativeInfinity));
    }

    [Fact]
    public void Values_at_0_follow_the_contract()
    {
        // The derivative at the kink is PyTorch's: the x ≤ 0 branch.
        Assert.Equal(0, KernelCache.Get<double>("Selu").F(0));
        Assert.Equal(LambdaAlpha, KernelCache.Get<double>("Selu").D(0));
        Assert.Equal((float)LambdaAlpha, KernelCache.Get<float>("Selu").D(0));
        Assert.Equal(1, KernelCache.Get<double>("Celu(Alpha = 0.3)").D(0));
        Assert.Equal(1, KernelCache.Get<float>("Celu(Alpha = -2)").D(0));
        Assert.Equal(0, KernelCache.Get<double>("Silu(Beta = 1.702)").F(0));
        Assert.Equal(0.5, KernelCache.Get<double>("Silu(Beta = 1.702)").D(0));
        Assert.Equal(0.5f, KernelCache.Get<float>("Silu(Beta = -0.7)").D(0));
        Assert.Equal(-Math.Log(2), KernelCache.Get<double>("LogSigmoid").F(0));
        Assert.Equal(0.5, KernelCache.Get<double>("LogSigmoid").D(0));
        Assert.Equal(Math.Log(2) / 3, KernelCache.Get<double>("Softplus(Beta = 3)").F(0), 15);
        Assert.Equal(0.5, KernelCache.Get<double>("Softplus(Beta = 3)").D(0));
    }

    [Fact]
    public void Beta_times_x_may_overflow_where_the_result_does_not()
    {
        // Softplus with Beta = 3 at the largest float is that float (3·x overflows, x + log1p(e^-3x)/3 does not).
        Assert.Equal(float.MaxValue, KernelCache.Get<float>("Softplus(Beta = 3)").F(float.MaxValue));
        Assert.Equal(1f, KernelCache.Get<float>("Softplus(Beta = 3)").D(float.MaxValue));
        Assert.Equal(double.MaxValue, KernelCache.Get<double>("Softplus(Beta = 3)").F(double.MaxValue));
        Assert.Equal(float.MaxValue, KernelCache.Get<float>("Silu(Beta = 1.702)").F(float.MaxValue));
        Assert.Equal(1f, KernelCache.Get<float>("Silu(Beta = 1.702)").D(float.MaxValue));
        Assert.Equal(-double.MaxValue, KernelCache.Get<double>("Silu(Beta = -0.7)").F(-double.MaxValue));

        // x/Alpha overflows for Alpha = 0.3 at -MaxValue: the negative branch still saturates to -Alpha.
        Assert.Equal(-0.3f, KernelCache.Get<float>("Celu(Alpha = 0.3)").F(-float.MaxValue));
        Assert.Equal(0f, KernelCache.Get<float>("Celu(Alpha = 0.3)").D(-float.MaxValue));
    }

    [Fact]
    public void Celu_with_a_negative_Alpha_overflows_to_infinity_and_not_before()
    {
        // Alpha = -2: f(x) = -2·expm1(-x/2) for x ≤ 0, f'(x) = e^(-x/2). In double, |f| passes MaxValue at x ≈ -1418.2
        // and f' at x ≈ -1419.6; in float at x ≈ -176.1 and -177.4.
        var dbl = KernelCache.Get<double>("Celu(Alpha = -2)");
        Assert.True(double.IsFinite(dbl.F(-1418)) && double.IsFinite(dbl.D(-1419)));
        Assert.Equal(double.NegativeInfinity, dbl.F(-1419));
        Assert.Equal(double.PositiveInfinity, dbl.D(-1420));
        var single = KernelCache.Get<float>("Celu(Alpha = -2)");
        Assert.True(float.IsFinite(single.F(-176)) && float.IsFinite(single.D(-177)));
        Assert.Equal(float.NegativeInfinity, single.F(-177));
        Assert.Equal(float.PositiveInfinity, single.D(-178));
    }

    [Fact]
    public void Softplus_with_Beta_1_generates_exactly_the_code_of_plain_Softplus()
    {
        static string Generate(string attribute) => string.Join("\n", GeneratorHarness.Run($$"""
            using System;
            using ActivationGen;

            public static partial class K
            {
                [{{attribute}}] public static partial float F(float x);

                [{{attribute}}] public static partial void B(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> d);
            }
            """).Sources.Select(s => s.SourceText.ToString()));

        Assert.Equal(Generate("Softplus"), Generate("Softplus(Beta = 1)"));
    }

    public delegate void BackwardAction<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    [Fact]
    public void Backward_from_the_output_matches_the_backward_from_the_input()
    {
        const string Source = """
            using System;
            using ActivationGen;

            namespace Generated.Tests;

            public static partial class FromOutput
            {
                [Sigmoid(Offset = 0.5)] public static partial void SigmoidF(ReadOnlySpan<double> x, Span<double> y);
                [Sigmoid(Offset = 0.5)] public static partial void SigmoidX(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> d);
                [Sigmoid(Offset = 0.5, FromOutput = true)] public static partial void SigmoidY(ReadOnlySpan<double> y, ReadOnlySpan<double> g, Span<double> d);
                [Elu(Alpha = 0.5)] public static partial void EluF(ReadOnlySpan<double> x, Span<double> y);
                [Elu(Alpha = 0.5)] public static partial void EluX(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> d);
                [Elu(Alpha = 0.5, FromOutput = true)] public static partial void EluY(ReadOnlySpan<double> y, ReadOnlySpan<double> g, Span<double> d);
                [Celu(Alpha = 3)] public static partial void CeluF(ReadOnlySpan<double> x, Span<double> y);
                [Celu(Alpha = 3)] public static partial void CeluX(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> d);
                [Celu(Alpha = 3, FromOutput = true)] public static partial void CeluY(ReadOnlySpan<double> y, ReadOnlySpan<double> g, Span<double> d);
                [Selu] public static partial void SeluF(ReadOnlySpan<double> x, Span<double> y);
                [Selu] public static partial void SeluX(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> d);
                [Selu(FromOutput = true)] public static partial void SeluY(ReadOnlySpan<double> y, ReadOnlySpan<double> g, Span<double> d);
                [Softplus(Beta = 2)] public static partial void SoftplusF(ReadOnlySpan<double> x, Span<double> y);
                [Softplus(Beta = 2)] public static partial void SoftplusX(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> d);
                [Softplus(Beta = 2, FromOutput = true)] public static partial void SoftplusY(ReadOnlySpan<double> y, ReadOnlySpan<double> g, Span<double> d);
            }
            """;
        var type = GeneratorHarness.Load(GeneratorHarness.Run(Source).Output).GetType("Generated.Tests.FromOutput", throwOnError: true)!;
        var random = new Random(11);
        var x = Enumerable.Range(0, 301).Select(i => (i - 150) / 20.0).ToArray();
        var g = x.Select(_ => random.NextDouble() * 4 - 2).ToArray();
        foreach (var name in new[] { "Sigmoid", "Elu", "Celu", "Selu", "Softplus" })
        {
            var forward = Method<ExecutionTests.MapAction<double>>(type, name + "F");
            var fromInput = Method<BackwardAction<double>>(type, name + "X");
            var fromOutput = Method<BackwardAction<double>>(type, name + "Y");
            var y = new double[x.Length];
            forward(x, y);
            var expected = new double[x.Length];
            fromInput(x, g, expected);
            var actual = new double[x.Length];
            fromOutput(y, g, actual);
            for (var i = 0; i < x.Length; i++)
            {
                // The two agree to the error of y itself, amplified where f' is steep in y; 1e-12 relative is far above that here.
                Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"{name} at x = {x[i]}: from y {actual[i]}, from x {expected[i]}");
            }

            // In place on y, as a training loop that keeps only the activations would call it.
            fromOutput(y, g, y);
            Assert.Equal(actual, y);
        }
    }

    private static T Method<T>(Type type, string name)
        where T : Delegate =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<T>();
}
