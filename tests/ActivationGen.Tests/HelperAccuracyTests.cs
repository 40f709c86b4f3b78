using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Intrinsics;
using ActivationGen.Generated;
using ActivationGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// The helpers as code (src/ActivationGen.Runtime, compiled here at 128 bits and, through the generated code, at every
/// width): each math helper against an exact reference (<see cref="BigFloat"/>, 320 bits) over a sweep of its valid range,
/// within the maximum error its header states, and the NaN rule bit for bit.
/// </summary>
public class HelperAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Exp_is_within_1_ulp()
    {
        Check("Exp double", Sweep(-708, 661), x => ActivationHelpers.Exp(Vector128.Create(x), 0).ToScalar(), BigFloat.Exp, 1);
        Check("Exp double, shift 8", Sweep(-700, 655), x => ActivationHelpers.Exp(Vector128.Create(x), 8).ToScalar(), x => BigFloat.Exp(x) * new BigFloat(1, 8), 1);
        Check("Exp float", SingleSweep(-87, 69.3), x => ActivationHelpers.Exp(Vector128.Create((float)x), 0).ToScalar(), BigFloat.Exp, 1);
        Check("Exp float, shift -4", SingleSweep(-80, 72), x => ActivationHelpers.Exp(Vector128.Create((float)x), -4).ToScalar(), x => BigFloat.Exp(x) * new BigFloat(1, -4), 1);
        Check("ExpNonPositive float", SingleSweep(-87, 0), x => ActivationHelpers.ExpNonPositive(Vector128.Create((float)x), 0).ToScalar(), BigFloat.Exp, 1);
    }

    /// <summary>
    /// The exponential that flushes: within 1 ULP where e^x is normal; below, within the smallest normal (the contract's
    /// absolute bound there), and +0 at -∞. ExpMinusAbs is it at -|z| (-|z + zLow| for a pair).
    /// </summary>
    [Fact]
    public void ExpNonPositiveFlushed_is_within_1_ulp_down_to_the_smallest_normal()
    {
        Check("ExpNonPositiveFlushed double", Sweep(-708.39, 0), x => ActivationHelpers.ExpNonPositiveFlushed(Vector128.Create(x)).ToScalar(), BigFloat.Exp, 1);
        Check("ExpNonPositiveFlushed float", SingleSweep(-87.33, 0), x => ActivationHelpers.ExpNonPositiveFlushed(Vector128.Create((float)x)).ToScalar(), BigFloat.Exp, 1);
        Check("ExpMinusAbs double", Sweep(-708.39, 708.39), x => ActivationHelpers.ExpMinusAbs(Vector128.Create(x)).ToScalar(), x => BigFloat.Exp(-Math.Abs(x)), 1);
        Check("ExpMinusAbs float", SingleSweep(-87.33, 87.33), x => ActivationHelpers.ExpMinusAbs(Vector128.Create((float)x)).ToScalar(), x => BigFloat.Exp(-Math.Abs(x)), 1);

        // z + zLow with zLow below z's last bit, of z's sign: e^(-|z| - |zLow|) = e^-|z|·(1 - |zLow|), to far below an ULP.
        // The correction enters the reduced argument with one more rounding (up to 0.35 ULP of e^r): 1.5 ULP.
        static BigFloat Pair(double z, double zLow) => BigFloat.Exp(-Math.Abs(z)) * (BigFloat.One - BigFloat.From(Math.Abs(zLow)));
        Check("ExpMinusAbs double, pair", Sweep(-700, 700), x => ActivationHelpers.ExpMinusAbs(Vector128.Create(x), Vector128.Create(x * 3e-17)).ToScalar(), x => Pair(x, x * 3e-17), 1.5);
        Check("ExpMinusAbs float, pair", SingleSweep(-87, 87), x => ActivationHelpers.ExpMinusAbs(Vector128.Create((float)x), Vector128.Create((float)x * 2e-8f)).ToScalar(), x => Pair((float)x, (float)x * 2e-8f), 1.5);

        foreach (var x in Sweep(-800, -708.39).Append(double.NegativeInfinity))
        {
            var error = Math.Abs(ActivationHelpers.ExpNonPositiveFlushed(Vector128.Create(x)).ToScalar() - Math.Exp(x));
            Assert.True(error <= 2.2250738585072014E-308, $"ExpNonPositiveFlushed double at {x:R}: off by {error:R}");
        }

        foreach (var x in SingleSweep(-110, -87.33).Append(double.NegativeInfinity))
        {
            var error = Math.Abs(ActivationHelpers.ExpNonPositiveFlushed(Vector128.Create((float)x)).ToScalar() - Math.Exp(x));
            Assert.True(error <= 1.1754943508222875E-38, $"ExpNonPositiveFlushed float at {x:R}: off by {error:R}");
        }

        // Far beyond the clamp the low part of a pair can be large (x - Offset with Offset = 1e308): it is dropped there.
        Assert.Equal(0.0, ActivationHelpers.ExpMinusAbs(Vector128.Create(-1e308), Vector128.Create(-3.4e38)).ToScalar());
        Assert.Equal(0.0, ActivationHelpers.ExpMinusAbs(Vector128.Create(1e308), Vector128.Create(-3.4e38)).ToScalar());
        Assert.Equal(0f, ActivationHelpers.ExpMinusAbs(Vector128.Create(-3e38f), Vector128.Create(1e31f)).ToScalar());
        Assert.Equal(0.0, ActivationHelpers.ExpMinusAbs(Vector128.Create(double.PositiveInfinity)).ToScalar());
        Assert.Equal(0f, ActivationHelpers.ExpMinusAbs(Vector128.Create(float.NegativeInfinity)).ToScalar());
        Assert.True(double.IsNaN(ActivationHelpers.ExpMinusAbs(Vector128.Create(double.NaN)).ToScalar()));
        Assert.True(float.IsNaN(ActivationHelpers.ExpNonPositiveFlushed(Vector128.Create(float.NaN)).ToScalar()));
    }

    [Fact]
    public void ExpM1NonPositive_is_within_2_ulp()
    {
        Check("ExpM1NonPositive double", Sweep(-40, 0).Concat(Tiny(-1)), x => ActivationHelpers.ExpM1NonPositive(Vector128.Create(x)).ToScalar(), BigFloat.ExpM1, 2);
        Check("ExpM1NonPositive float", SingleSweep(-18, 0).Concat(Tiny(-1).Select(x => (double)(float)x)), x => ActivationHelpers.ExpM1NonPositive(Vector128.Create((float)x)).ToScalar(), BigFloat.ExpM1, 2);
        Assert.Equal(-1.0, ActivationHelpers.ExpM1NonPositive(Vector128.Create(-50.0)).ToScalar());
        Assert.Equal(0.0, ActivationHelpers.ExpM1NonPositive(Vector128.Create(3.0)).ToScalar());
    }

    [Fact]
    public void ExpM1NonNegative_is_within_2_ulp()
    {
        Check("ExpM1NonNegative double", Sweep(0, 709.7).Concat(Tiny(1)), x => ActivationHelpers.ExpM1NonNegative(Vector128.Create(x), Vector128<double>.Zero).ToScalar(), BigFloat.ExpM1, 2);
        Check("ExpM1NonNegative float", SingleSweep(0, 88.7).Concat(Tiny(1).Select(x => (double)(float)x)), x => ActivationHelpers.ExpM1NonNegative(Vector128.Create((float)x), Vector128<float>.Zero).ToScalar(), BigFloat.ExpM1, 2);
        Assert.Equal(double.PositiveInfinity, ActivationHelpers.ExpM1NonNegative(Vector128.Create(710.0), Vector128<double>.Zero).ToScalar());
    }

    /// <summary>The fused helper gives exactly the values of the two separate ones.</summary>
    [Fact]
    public void ExpM1AndExpNonPositive_gives_the_values_of_ExpM1NonPositive_and_ExpNonPositive()
    {
        foreach (var x in Sweep(-745, 0))
        {
            var expm1 = ActivationHelpers.ExpM1AndExpNonPositive(Vector128.Create(x), out var exp);
            Assert.Equal(ActivationHelpers.ExpM1NonPositive(Vector128.Create(x)).ToScalar(), expm1.ToScalar());
            Assert.Equal(ActivationHelpers.ExpNonPositiveFlushed(Vector128.Create(x)).ToScalar(), exp.ToScalar());

            var single = (float)x;
            var expm1Single = ActivationHelpers.ExpM1AndExpNonPositive(Vector128.Create(single), out var expSingle);
            Assert.Equal(ActivationHelpers.ExpM1NonPositive(Vector128.Create(single)).ToScalar(), expm1Single.ToScalar());
            Assert.Equal(ActivationHelpers.ExpNonPositiveFlushed(Vector128.Create(single)).ToScalar(), expSingle.ToScalar());
        }
    }

    [Fact]
    public void Log1pUnit_is_within_1_ulp()
    {
        Check("Log1pUnit double", Sweep(0, 1).Concat(Tiny(1)), t => ActivationHelpers.Log1pUnit(Vector128.Create(t)).ToScalar(), BigFloat.Log1p, 1);
        Check("Log1pUnit float", SingleSweep(0, 1).Concat(Tiny(1).Select(x => (double)(float)x)), t => ActivationHelpers.Log1pUnit(Vector128.Create((float)t)).ToScalar(), BigFloat.Log1p, 1);
    }

    /// <summary>
    /// Log and Log1p (the [Activation] definitions' ln and log1p) over their whole domains: every binade from the
    /// subnormals up, near 1 (ln) and near 0 and -1 (log1p), within the 1 ULP of the header; and the special values.
    /// </summary>
    [Fact]
    public void Log_and_Log1p_are_within_1_ulp()
    {
        var binades = Enumerable.Range(-1074, 2098).SelectMany(e => new[] { 1.0, 1.3, 1.7 }.Select(m => Math.ScaleB(m, e))).Where(double.IsFinite).ToList();
        var nearOne = Sweep(0.5, 2).Concat(Enumerable.Range(1, 60).SelectMany(k => new[] { 1 + Math.ScaleB(1, -k), 1 - Math.ScaleB(1, -k) })).ToList();
        Check("Log double", binades.Concat(nearOne), x => ActivationHelpers.Log(Vector128.Create(x)).ToScalar(), BigFloat.Log, 1);
        Check("Log float", binades.Concat(nearOne).Select(x => (double)(float)x).Where(x => x > 0 && float.IsFinite((float)x)), x => ActivationHelpers.Log(Vector128.Create((float)x)).ToScalar(), BigFloat.Log, 1);

        var log1pInputs = binades.Where(u => u < 1e300).Concat(Tiny(-1)).Concat(Sweep(-0.999, 3)).Concat(Enumerable.Range(1, 52).Select(k => -1 + Math.ScaleB(1, -k))).ToList();
        Check("Log1p double", log1pInputs, u => ActivationHelpers.Log1p(Vector128.Create(u)).ToScalar(), BigFloat.Log1pAny, 1);
        Check("Log1p float", log1pInputs.Select(u => (double)(float)u).Where(u => u > -1 && float.IsFinite((float)u)), u => ActivationHelpers.Log1p(Vector128.Create((float)u)).ToScalar(), BigFloat.Log1pAny, 1);

        Assert.Equal(double.NegativeInfinity, ActivationHelpers.Log(Vector128.Create(0.0)).ToScalar());
        Assert.Equal(double.NegativeInfinity, ActivationHelpers.Log(Vector128.Create(-0.0)).ToScalar());
        Assert.True(double.IsNaN(ActivationHelpers.Log(Vector128.Create(-1.0)).ToScalar()));
        Assert.Equal(double.PositiveInfinity, ActivationHelpers.Log(Vector128.Create(double.PositiveInfinity)).ToScalar());
        Assert.Equal(float.NegativeInfinity, ActivationHelpers.Log1p(Vector128.Create(-1f)).ToScalar());
        Assert.True(float.IsNaN(ActivationHelpers.Log1p(Vector128.Create(-2f)).ToScalar()));
        Assert.Equal(double.PositiveInfinity, ActivationHelpers.Log1p(Vector128.Create(double.PositiveInfinity)).ToScalar());
        Assert.True(double.IsNaN(ActivationHelpers.Log1p(Vector128.Create(double.NaN)).ToScalar()));
    }

    [Fact]
    public void DivideByOnePlus_is_within_its_bound()
    {
        static BigFloat Quotient(double n, double t) => BigFloat.From(n) / (BigFloat.One + BigFloat.From(t));
        Check("DivideByOnePlus double, n = 1", Sweep(0, 1), t => ActivationHelpers.DivideByOnePlus(Vector128<double>.One, Vector128.Create(t)).ToScalar(), t => Quotient(1, t), 0.5);
        Check("DivideByOnePlus double, n = t", Sweep(0, 1).Concat(Tiny(1)), t => ActivationHelpers.DivideByOnePlus(Vector128.Create(t), Vector128.Create(t)).ToScalar(), t => Quotient(t, t), 0.5);
        Check("DivideByOnePlus float, n = 1", SingleSweep(0, 1), t => ActivationHelpers.DivideByOnePlus(Vector128<float>.One, Vector128.Create((float)t)).ToScalar(), t => Quotient(1, t), 2);
        Check("DivideByOnePlus float, n = t", SingleSweep(0, 1), t => ActivationHelpers.DivideByOnePlus(Vector128.Create((float)t), Vector128.Create((float)t)).ToScalar(), t => Quotient(t, t), 2);
        Check(
            "DivideByOnePlusSquared double",
            Sweep(0, 1).Concat(Tiny(1)),
            t => ActivationHelpers.DivideByOnePlusSquared(Vector128.Create(t)).ToScalar(),
            t => BigFloat.From(t) / ((BigFloat.One + BigFloat.From(t)) * (BigFloat.One + BigFloat.From(t))),
            0.5);
        Check(
            "DivideByOnePlusSquared float",
            SingleSweep(0, 1),
            t => ActivationHelpers.DivideByOnePlusSquared(Vector128.Create((float)t)).ToScalar(),
            t => BigFloat.From(t) / ((BigFloat.One + BigFloat.From(t)) * (BigFloat.One + BigFloat.From(t))),
            0.5);
    }

    [Fact]
    public void SigmoidPair_is_within_half_an_ulp()
    {
        static BigFloat Quotient(double n, double t) => BigFloat.From(n) / (BigFloat.One + BigFloat.From(t));
        Check("SigmoidPair double, 1/(1 + t)", Sweep(0, 1), t => ActivationHelpers.SigmoidPair(Vector128.Create(t), out _).ToScalar(), t => Quotient(1, t), 0.5);
        Check("SigmoidPair double, t/(1 + t)", Sweep(0, 1).Concat(Tiny(1)), t => { ActivationHelpers.SigmoidPair(Vector128.Create(t), out var small); return small.ToScalar(); }, t => Quotient(t, t), 0.5);
        Check("SigmoidPair float, 1/(1 + t)", SingleSweep(0, 1), t => ActivationHelpers.SigmoidPair(Vector128.Create((float)t), out _).ToScalar(), t => Quotient(1, t), 0.5);
        Check("SigmoidPair float, t/(1 + t)", SingleSweep(0, 1).Concat(Tiny(1).Select(x => (double)(float)x)), t => { ActivationHelpers.SigmoidPair(Vector128.Create((float)t), out var small); return small.ToScalar(); }, t => Quotient(t, t), 0.5);
    }

    [Fact]
    public void Tanh_and_SechSquared_are_within_2_ulp()
    {
        // With t = e^-2|x|: tanh(x) = ±(1 - t)/(1 + t), 1 - tanh²(x) = 4t/(1 + t)².
        static BigFloat Tanh(double x)
        {
            var t = BigFloat.Exp(-2 * Math.Abs(x));
            var tanh = (BigFloat.One - t) / (BigFloat.One + t);
            return x < 0 ? -tanh : tanh;
        }

        static BigFloat SechSquared(double x)
        {
            var t = BigFloat.Exp(-2 * Math.Abs(x));
            return new BigFloat(4, 0) * t / ((BigFloat.One + t) * (BigFloat.One + t));
        }

        var xs = Sweep(-20, 20).Concat(Tiny(1)).Concat(Tiny(-1)).ToList();
        Check("Tanh double", xs, x => ActivationHelpers.Tanh(Vector128.Create(x), ActivationHelpers.Exp(Vector128.Create(-2 * Math.Abs(x)), 2)).ToScalar(), Tanh, 2);
        Check("SechSquared double", Sweep(-300, 300), x => ActivationHelpers.SechSquared(ActivationHelpers.Exp(Vector128.Create(-2 * Math.Abs(x)), 2)).ToScalar(), SechSquared, 2);
        var singles = xs.Select(x => (double)(float)x).ToList();
        Check("Tanh float", singles, x => ActivationHelpers.Tanh(Vector128.Create((float)x), ActivationHelpers.Exp(Vector128.Create(-2 * MathF.Abs((float)x)), 2)).ToScalar(), Tanh, 2);
        Check("SechSquared float", SingleSweep(-40, 40), x => ActivationHelpers.SechSquared(ActivationHelpers.Exp(Vector128.Create(-2 * MathF.Abs((float)x)), 2)).ToScalar(), SechSquared, 2);
    }

    /// <summary>
    /// Erf and Erfc over the whole double domain against the committed mpmath table (Reference/Fn/fn_reference.csv: BigFloat
    /// has no erf): its x are a sweep of [-28, 28] (a grid with step 1/32 and 3,000 random points), tiny and subnormal x,
    /// magnitudes up to the largest double, erfc's subnormal and underflow range (25.5 to 27.5), where erf rounds to ±1,
    /// the switch at |x| = 1/2, random bit patterns and ±∞. Within the 2 ULP of the header, NaN gives NaN, the limits at
    /// ±∞, erf(-0) = -0; and the 256- and 512-bit renderings of the generated helper give the 128-bit result bit for bit.
    /// </summary>
    [Fact]
    public void Erf_and_Erfc_are_within_their_stated_error()
    {
        // The bound below is the header's.
        var maxError = ActivationGen.Emit.HelperCatalog.All["Erf"].Header.Single(l => l.StartsWith("// Max error:", StringComparison.Ordinal));
        Assert.StartsWith("2 ULP", maxError["// Max error:".Length..].Trim(), StringComparison.Ordinal);
        foreach (var (function, helper) in new (string, Func<Vector128<double>, Vector128<double>>)[] { ("erf", ActivationHelpers.Erf), ("erfc", ActivationHelpers.Erfc) })
        {
            var rows = FnReference.Rows(function);
            Assert.True(rows.Count >= 7000, $"{function}: only {rows.Count} rows in the table");
            var exact = rows.ToDictionary(r => BitConverter.DoubleToInt64Bits(r.X), r => r.Exact);
            Check($"{function} double (vector helper)", rows.Select(r => r.X), x => helper(Vector128.Create(x)).ToScalar(), x => exact[BitConverter.DoubleToInt64Bits(x)], 2);
            foreach (var row in rows.Where(r => r.IsZero))
            {
                var actual = helper(Vector128.Create(row.X)).ToScalar();
                Assert.True(BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(row.Rounded), $"{function}({row.X:R}) = {actual:R}, expected {row.Value}");
            }
        }

        foreach (var nan in new[] { double.NaN, -double.NaN, BitConverter.Int64BitsToDouble(0x7FF0000000000001L) })
        {
            Assert.True(double.IsNaN(ActivationHelpers.Erf(Vector128.Create(nan)).ToScalar()));
            Assert.True(double.IsNaN(ActivationHelpers.Erfc(Vector128.Create(nan)).ToScalar()));
        }

        Assert.Equal(1.0, ActivationHelpers.Erf(Vector128.Create(double.PositiveInfinity)).ToScalar());
        Assert.Equal(-1.0, ActivationHelpers.Erf(Vector128.Create(double.NegativeInfinity)).ToScalar());
        Assert.Equal(0L, BitConverter.DoubleToInt64Bits(ActivationHelpers.Erfc(Vector128.Create(double.PositiveInfinity)).ToScalar()));
        Assert.Equal(2.0, ActivationHelpers.Erfc(Vector128.Create(double.NegativeInfinity)).ToScalar());
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(ActivationHelpers.Erf(Vector128.Create(-0.0)).ToScalar()));
        Assert.Equal(1.0, ActivationHelpers.Erfc(Vector128.Create(-0.0)).ToScalar());

        // The helper as the generator emits it, at every width: each lane of a 256- and 512-bit vector (lanes holding
        // different x, NaN and ±∞ among them) gives the bits of the 128-bit helper compiled here.
        var widths = ErfWidths.Value;
        var random = new Random(20261204);
        var inputs = FnReference.Rows("erf").Select(r => r.X)
            .Concat(Sweep(-30, 30))
            .Concat(Enumerable.Range(0, 2000).Select(_ => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue))))
            .Append(double.NaN).Append(double.PositiveInfinity).Append(double.NegativeInfinity)
            .ToArray();
        foreach (var (name, scalar) in new (string, Func<Vector128<double>, Vector128<double>>)[] { ("Erf", ActivationHelpers.Erf), ("Erfc", ActivationHelpers.Erfc) })
        {
            var at128 = widths[name + "128"];
            var at256 = widths[name + "256"];
            var at512 = widths[name + "512"];
            for (var i = 0; i + 8 <= inputs.Length; i += 8)
            {
                var lanes = inputs.AsSpan(i, 8);
                var wide512 = (double[])at512.Invoke(null, [lanes.ToArray()])!;
                var wide256 = (double[])at256.Invoke(null, [lanes[..4].ToArray()])!;
                var narrow = (double[])at128.Invoke(null, [lanes[..2].ToArray()])!;
                foreach (var (bits, results) in new[] { (512, wide512), (256, wide256), (128, narrow) })
                {
                    for (var lane = 0; lane < results.Length; lane++)
                    {
                        var expected = scalar(Vector128.Create(lanes[lane])).ToScalar();
                        Assert.True(
                            BitConverter.DoubleToInt64Bits(results[lane]) == BitConverter.DoubleToInt64Bits(expected),
                            $"{name} at {bits} bits (generated), lane {lane}, x = {lanes[lane]:R}: {results[lane]:R}, at 128 bits {expected:R}");
                    }
                }
            }
        }
    }

    /// <summary>
    /// The generated helpers file with Erf (and what it requires), compiled with a probe that calls Erf and Erfc at 128, 256
    /// and 512 bits on arrays: its methods by name (Erf128, Erfc512, ...).
    /// </summary>
    private static readonly Lazy<IReadOnlyDictionary<string, MethodInfo>> ErfWidths = new(() =>
    {
        const string probe = """
            namespace Microsoft.CodeAnalysis
            {
                internal sealed partial class EmbeddedAttribute : global::System.Attribute
                {
                }
            }

            namespace Generated.Tests
            {
                using System.Runtime.Intrinsics;
                using ActivationGen.Generated;

                public static class ErfProbe
                {
                    public static double[] Erf128(double[] x) => Lanes(ActivationHelpers.Erf(Vector128.Create(x)));
                    public static double[] Erf256(double[] x) => Lanes(ActivationHelpers.Erf(Vector256.Create(x)));
                    public static double[] Erf512(double[] x) => Lanes(ActivationHelpers.Erf(Vector512.Create(x)));
                    public static double[] Erfc128(double[] x) => Lanes(ActivationHelpers.Erfc(Vector128.Create(x)));
                    public static double[] Erfc256(double[] x) => Lanes(ActivationHelpers.Erfc(Vector256.Create(x)));
                    public static double[] Erfc512(double[] x) => Lanes(ActivationHelpers.Erfc(Vector512.Create(x)));

                    private static double[] Lanes(Vector128<double> v) { var a = new double[2]; v.CopyTo(a); return a; }
                    private static double[] Lanes(Vector256<double> v) { var a = new double[4]; v.CopyTo(a); return a; }
                    private static double[] Lanes(Vector512<double> v) { var a = new double[8]; v.CopyTo(a); return a; }
                }
            }
            """;
        var helpers = ActivationGen.Emit.HelperSource.Emit(ActivationGen.Emit.HelperCatalog.WithRequirements(["Erf"]));
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Helpers.Erf.Widths",
            [
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(helpers, GeneratorHarness.ParseOptions, path: "ActivationGen.Helpers.g.cs"),
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(probe, GeneratorHarness.ParseOptions, path: "Probe.cs"),
            ],
            Basic.Reference.Assemblies.Net100.References.All,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(
                Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable,
                optimizationLevel: Microsoft.CodeAnalysis.OptimizationLevel.Release));
        var type = GeneratorHarness.Load(compilation).GetType("Generated.Tests.ErfProbe", throwOnError: true)!;
        return type.GetMethods(BindingFlags.Public | BindingFlags.Static).ToDictionary(m => m.Name, StringComparer.Ordinal);
    });

    /// <summary>A NaN in x comes back with its bits (sign, payload, signaling); a number gives the result.</summary>
    [Fact]
    public void KeepNaN_returns_a_NaN_input_bit_for_bit()
    {
        var nans = new[] { 0x7FF8000000000001L, unchecked((long)0xFFF0000000000123UL), 0x7FF4000000000000L, unchecked((long)0xFFF8000000000000UL) }
            .Select(BitConverter.Int64BitsToDouble).ToArray();
        foreach (var nan in nans)
        {
            var kept = ActivationHelpers.KeepNaN(Vector128.Create(nan, 2.0), Vector128.Create(5.0, double.NaN));
            Assert.Equal(BitConverter.DoubleToInt64Bits(nan), BitConverter.DoubleToInt64Bits(kept.GetElement(0)));
            Assert.True(double.IsNaN(kept.GetElement(1)));
        }

        // The signaling NaN is built in the vector from its bits: a scalar float constant may be quieted on its way into
        // a register (the JIT can fold Int32BitsToSingle through a double constant), before KeepNaN sees it.
        var singleLanes = Vector128.Create(unchecked((int)0xFFA00001), BitConverter.SingleToInt32Bits(1f), BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(float.PositiveInfinity)).AsSingle();
        var keptSingle = ActivationHelpers.KeepNaN(singleLanes, Vector128.Create(3f));
        Assert.Equal(unchecked((int)0xFFA00001), BitConverter.SingleToInt32Bits(keptSingle.GetElement(0)));
        Assert.Equal(new[] { 3f, 3f, 3f }, new[] { keptSingle.GetElement(1), keptSingle.GetElement(2), keptSingle.GetElement(3) });
    }

    /// <summary>Evenly spaced and pseudo-random points of [from, to], and both ends.</summary>
    private static IEnumerable<double> Sweep(double from, double to, int count = 4000)
    {
        var random = new Random(20261201);
        for (var i = 0; i <= count; i++)
        {
            yield return from + ((to - from) * i / count);
            yield return from + ((to - from) * random.NextDouble());
        }
    }

    private static IEnumerable<double> SingleSweep(double from, double to) => Sweep(from, to).Select(x => (double)(float)x);

    /// <summary>±2^-k for k up to 200, and a few values between: where e^x - 1 and ln(1 + t) must keep their relative digits.</summary>
    private static IEnumerable<double> Tiny(int sign) =>
        Enumerable.Range(1, 200).SelectMany(k => new[] { Math.ScaleB(1, -k), Math.ScaleB(1.37, -k) }).Select(x => sign * x);

    private void Check(string name, IEnumerable<double> inputs, Func<double, double> actual, Func<double, BigFloat> exact, double bound) =>
        Check(name, inputs, actual, exact, bound, single: false);

    private void Check(string name, IEnumerable<double> inputs, Func<double, float> actual, Func<double, BigFloat> exact, double bound) =>
        Check(name, inputs, x => actual(x), exact, bound, single: true);

    private void Check(string name, IEnumerable<double> inputs, Func<double, double> actual, Func<double, BigFloat> exact, double bound, bool single)
    {
        var worst = (Error: 0.0, X: 0.0);
        foreach (var x in inputs)
        {
            var error = single ? BigFloat.UlpError((float)actual(x), exact(x)) : BigFloat.UlpError(actual(x), exact(x));
            if (!(error <= worst.Error))
            {
                worst = (error, x);
            }
        }

        output.WriteLine($"{name}: at most {worst.Error:F3} ULP (at x = {worst.X:R})");
        Assert.True(worst.Error <= bound, $"{name}: {worst.Error} ULP at x = {worst.X:R}, above the {bound} ULP of its header.");
    }
}
