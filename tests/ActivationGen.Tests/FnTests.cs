using System;
using System.Linq;
using System.Reflection;
using ActivationGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// <c>ActivationGen.Fn</c> as the generator emits it (run on a small source, compiled and loaded): Sigmoid, Softplus, Erf
/// and Erfc, double and float, against the committed mpmath table (Reference/Fn/fn_reference.csv) within the error its
/// documentation states (1.5 ULP in double, 1 ULP in float), NaN gives NaN, the limits at ±∞, and the signs of zeros.
/// </summary>
public class FnTests(ITestOutputHelper output)
{
    /// <summary>The bounds of Fn's documentation.</summary>
    private const double DoubleBound = 1.5;
    private const double SingleBound = 1;

    private const string Source = """
        using System;
        using ActivationGen;

        namespace Generated.Tests;

        public static class Definitions
        {
            public static double Gelu(double x) => 0.5 * x * (1 + Fn.Erf(x / Math.Sqrt(2)));

            public static float Mixed(float x) => Fn.Sigmoid(x) + Fn.Softplus(x) + Fn.Erfc(x);
        }
        """;

    private static readonly Lazy<Type> FnType = new(() =>
    {
        var run = GeneratorHarness.Run(Source);
        Assert.Empty(run.Diagnostics);
        run.AssertNoProblemInGeneratedCode();
        return GeneratorHarness.Load(run.Output).GetType("ActivationGen.Fn", throwOnError: true)!;
    });

    public static TheoryData<string> Functions => new(FnReference.Functions);

    [Theory]
    [MemberData(nameof(Functions))]
    public void Double_overload_is_within_its_documented_error(string function)
    {
        var f = Double(function);
        var rows = FnReference.Rows(function);
        Assert.True(rows.Count >= 4000, $"{function}: only {rows.Count} rows in the table");
        var worst = (Error: 0.0, X: 0.0);
        var worstNormal = (Error: 0.0, X: 0.0);
        foreach (var row in rows)
        {
            var actual = f(row.X);
            if (row.IsInfinite || row.IsZero)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(row.Rounded),
                    $"Fn.{Name(function)}({row.X:R}) = {actual:R}, expected {row.Value}");
                continue;
            }

            var exact = row.Exact;
            var error = BigFloat.UlpError(actual, exact);
            if (!(error <= worst.Error))
            {
                worst = (error, row.X);
            }

            if (exact.Magnitude >= -1022 && !(error <= worstNormal.Error))
            {
                worstNormal = (error, row.X);
            }
        }

        output.WriteLine($"Fn.{Name(function)}(double): at most {worst.Error:F3} ULP (at x = {worst.X:R}) over {rows.Count} x; where the result is normal, at most {worstNormal.Error:F3} ULP (at x = {worstNormal.X:R})");
        Assert.True(worst.Error <= DoubleBound, $"Fn.{Name(function)}(double): {worst.Error} ULP at x = {worst.X:R}, above the documented {DoubleBound} ULP.");
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Float_overload_is_within_1_ulp_on_float_inputs(string function)
    {
        var f = Single(function);
        var rows = FnReference.Rows(function).Where(r => r.IsSingle).ToList();
        Assert.True(rows.Count >= 2500, $"{function}: only {rows.Count} float rows in the table");
        Assert.Contains(rows, r => Math.Abs(r.X) < 1e-40 && r.X != 0); // float subnormals
        Assert.Contains(rows, r => Math.Abs(r.X) > 1e38 && double.IsFinite(r.X));
        var worst = (Error: 0.0, X: 0.0);
        foreach (var row in rows)
        {
            var actual = f((float)row.X);
            if (row.IsInfinite || row.IsZero)
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(actual) == BitConverter.SingleToInt32Bits((float)row.Rounded),
                    $"Fn.{Name(function)}({(float)row.X:R}f) = {actual:R}, expected {row.Value}");
                continue;
            }

            var error = BigFloat.UlpError(actual, row.Exact);
            if (!(error <= worst.Error))
            {
                worst = (error, row.X);
            }
        }

        output.WriteLine($"Fn.{Name(function)}(float): at most {worst.Error:F3} ULP (at x = {worst.X:R}) over {rows.Count} float x");
        Assert.True(worst.Error <= SingleBound, $"Fn.{Name(function)}(float): {worst.Error} ULP at x = {worst.X:R}, above the documented {SingleBound} ULP.");
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void NaN_gives_NaN(string function)
    {
        var f = Double(function);
        var g = Single(function);
        var nans = new[] { 0x7FF8000000000000L, unchecked((long)0xFFF8000000000000UL), 0x7FF0000000000001L, unchecked((long)0xFFF4000000000123UL) }
            .Select(BitConverter.Int64BitsToDouble);
        foreach (var nan in nans)
        {
            Assert.True(double.IsNaN(f(nan)), $"Fn.{Name(function)}(NaN {BitConverter.DoubleToInt64Bits(nan):X}) = {f(nan):R}");
            Assert.True(float.IsNaN(g((float)nan)), $"Fn.{Name(function)}((float)NaN) = {g((float)nan):R}");
        }
    }

    /// <summary>The limits at ±∞ and the values at ±0, bit for bit, in both overloads; erf is odd, so erf(-0) = -0.</summary>
    [Fact]
    public void Limits_at_infinity_and_signed_zeros()
    {
        var expected = new (string Function, double X, double Value)[]
        {
            ("sigmoid", double.PositiveInfinity, 1), ("sigmoid", double.NegativeInfinity, 0), ("sigmoid", 0, 0.5), ("sigmoid", -0.0, 0.5),
            ("softplus", double.PositiveInfinity, double.PositiveInfinity), ("softplus", double.NegativeInfinity, 0),
            ("erf", double.PositiveInfinity, 1), ("erf", double.NegativeInfinity, -1), ("erf", 0, 0), ("erf", -0.0, -0.0),
            ("erfc", double.PositiveInfinity, 0), ("erfc", double.NegativeInfinity, 2), ("erfc", 0, 1), ("erfc", -0.0, 1),
        };
        foreach (var (function, x, value) in expected)
        {
            var actual = Double(function)(x);
            Assert.True(BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(value), $"Fn.{Name(function)}({x:R}) = {actual:R}, expected {value:R}");
            var single = Single(function)((float)x);
            Assert.True(BitConverter.SingleToInt32Bits(single) == BitConverter.SingleToInt32Bits((float)value), $"Fn.{Name(function)}({(float)x:R}f) = {single:R}, expected {(float)value:R}");
        }

        // softplus(±0) = ln 2, correctly rounded.
        Assert.Equal(0.6931471805599453, Double("softplus")(0));
        Assert.Equal(0.6931471805599453, Double("softplus")(-0.0));
        Assert.Equal(0.6931472f, Single("softplus")(-0f));
    }

    /// <summary>Erf is odd, bit for bit, in both overloads, at every x of the table.</summary>
    [Fact]
    public void Erf_is_odd()
    {
        var erf = Double("erf");
        var erfSingle = Single("erf");
        foreach (var row in FnReference.Rows("erf"))
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(-erf(row.X)), BitConverter.DoubleToInt64Bits(erf(-row.X)));
            Assert.Equal(BitConverter.SingleToInt32Bits(-erfSingle((float)row.X)), BitConverter.SingleToInt32Bits(erfSingle(-(float)row.X)));
        }
    }

    private static string Name(string function) => char.ToUpperInvariant(function[0]) + function[1..];

    private static Func<double, double> Double(string function) => Method<Func<double, double>>(function, typeof(double));

    private static Func<float, float> Single(string function) => Method<Func<float, float>>(function, typeof(float));

    private static T Method<T>(string function, Type type)
        where T : Delegate
    {
        var method = FnType.Value.GetMethod(Name(function), BindingFlags.Public | BindingFlags.Static, [type]);
        Assert.True(method is not null && method.ReturnType == type, $"ActivationGen.Fn has no public static {type.Name} {Name(function)}({type.Name}).");
        return method.CreateDelegate<T>();
    }
}
