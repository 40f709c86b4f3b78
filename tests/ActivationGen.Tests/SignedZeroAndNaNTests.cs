using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>
/// API.md's runtime rules for NaN and signed zero, for every activation (with the parameters that change the sign of a
/// zero result), in float and double, in every shape and at every position of every span of 0 to 70 elements:
/// <list type="bullet">
/// <item>NaN in gives that same NaN out, bit for bit (payload, sign, and a signaling NaN stays as it is), for f and f'.</item>
/// <item>Backward: a NaN gradOutput gives that NaN; else a NaN x gives x's NaN; else the product gradOutput·f'(x).</item>
/// <item>f(±0) and f'(±0) have the sign IEEE arithmetic gives the formula at ±0; the expected signs below are derived
/// from the formulas in the README, each in its comment, not read from the implementation.</item>
/// <item>Every span, in-place, backward, fused and vector result equals the scalar method's, bit for bit.</item>
/// </list>
/// All kernel sets are compiled in one compilation (once per test run) and shared by the cases.
/// </summary>
[Trait("Category", "Execution")]
public class SignedZeroAndNaNTests
{
    /// <summary>The longest span tested: every length from 0 to this, with a special value at every position.</summary>
    private const int MaxLength = 70;

    /// <summary>The expected result at a zero: a zero of either sign, or a non-zero value of either sign.</summary>
    public enum Sign
    {
        PlusZero,
        MinusZero,
        Positive,
        Negative,
    }

    private const Sign Z = Sign.PlusZero;
    private const Sign M = Sign.MinusZero;
    private const Sign P = Sign.Positive;
    private const Sign N = Sign.Negative;

    /// <summary>
    /// One attribute with its expected f(+0), f(-0), f'(+0), f'(-0), and for attributes with <c>FromOutput = true</c>
    /// the backward from the output at y = +0 and y = -0 (gradOutput 1), which evaluates the README's formula in y.
    /// </summary>
    public sealed record Case(string Attribute, Sign FPlus, Sign FMinus, Sign DPlus, Sign DMinus, (Sign Plus, Sign Minus)? FromOutput = null);

    /// <summary>
    /// Signs at ±0 from the formulas (IEEE: a product's sign is the XOR of its factors' signs, +0 + -0 = +0,
    /// max(+0, -0) = +0, min(+0, -0) = -0, expm1(±0) = ±0; a non-zero value is the same at +0 and -0).
    /// </summary>
    public static readonly Case[] Cases =
    {
        // σ(x - Offset) > 0 and σ' > 0. From the output: y·(1 - y) = ±0 at y = ±0.
        new("Sigmoid", P, P, P, P, (Z, M)),
        new("Sigmoid(Offset = 2)", P, P, P, P, (Z, M)),
        new("Sigmoid(Offset = 0.1)", P, P, P, P), // float lanes computed in double
        // Scale·Σσ(x - o_i): the sign of Scale; Scale = 0 gives +0·(positive) = +0.
        new("SigmoidSum(Count = 3, From = -1, To = 1)", P, P, P, P),
        new("SigmoidSum(Count = 2, From = 0, To = 1, Scale = -0.5)", N, N, N, N),
        new("SigmoidSum(Count = 1, From = 5, To = 5, Scale = 0)", Z, Z, Z, Z),
        new("SigmoidSum(Count = 100, From = -2, To = 2, Scale = -3)", N, N, N, N), // Euler–Maclaurin
        new("SigmoidSum(Count = 50, From = 1, To = 1.5)", P, P, P, P), // Taylor about the midpoint
        // (1/Beta)·ln(1 + e^(Beta·x)) = ln 2/Beta; σ(Beta·x) = ½. From the output: 1 - e^(-Beta·(±0)) = 1 - 1 = +0.
        new("Softplus", P, P, P, P, (Z, Z)),
        new("Softplus(Beta = 2)", P, P, P, P, (Z, Z)),
        new("Softplus(Beta = 0.1)", P, P, P, P, (Z, Z)),
        new("Softplus(Beta = -1)", N, N, P, P, (Z, Z)),
        // max(0, ±0) = +0; f' = 0 for x ≤ 0. From the output: y > 0 is false, 0.
        new("Relu", Z, Z, Z, Z, (Z, Z)),
        // x ≤ 0: Alpha·expm1(±0) = Alpha·(±0); f' = Alpha·e^0 = Alpha. From the output: y + Alpha at y = ±0 is Alpha
        // (Alpha = 0: ±0 + +0 = +0).
        new("Elu", Z, M, P, P, (P, P)),
        new("Elu(Alpha = 0.3)", Z, M, P, P, (P, P)),
        new("Elu(Alpha = 0)", Z, M, Z, Z, (Z, Z)),
        new("Elu(Alpha = -1.5)", M, Z, N, N),
        // x ≤ 0: s·(±0); f' = s. From the output (s > 0): s.
        new("LeakyRelu", Z, M, P, P, (P, P)),
        new("LeakyRelu(NegativeSlope = 0)", Z, M, Z, Z),
        new("LeakyRelu(NegativeSlope = -0.5)", M, Z, N, N),
        // x ≤ 0: λα·expm1(±0) = ±0; f' = λα. From the output: y + λα = λα.
        new("Selu", Z, M, P, P, (P, P)),
        // max(0, x) + min(0, Alpha·expm1(x/Alpha)) at ±0: max(0, ±0) = +0, and the second term is a zero (Alpha·expm1(±0)
        // for Alpha > 0, Alpha·expm1(∓0) for Alpha < 0), so the sum is +0 + (±0) = +0 either way;
        // f' = e^(±0/Alpha) = 1. From the output: (y + Alpha)/Alpha = 1.
        new("Celu", Z, Z, P, P),
        new("Celu(Alpha = 0.3)", Z, Z, P, P),
        new("Celu(Alpha = 2)", Z, Z, P, P, (P, P)),
        new("Celu(Alpha = -0.7)", Z, Z, P, P),
        new("Celu(Alpha = -2)", Z, Z, P, P),
        // x·Φ(x) = ±0·½; f' = Φ(0) + 0·φ(0) = ½. Tanh form: ½·(±0)·(1 + tanh(±0)) = ±0; f' = ½.
        new("Gelu", Z, M, P, P),
        new("Gelu(Approximate = GeluApproximation.Tanh)", Z, M, P, P),
        // x·σ(Beta·x) = ±0·½ (any Beta); f' = σ(0) + 0 = ½.
        new("Silu", Z, M, P, P),
        new("Silu(Beta = 1.702)", Z, M, P, P),
        new("Silu(Beta = 0.1)", Z, M, P, P),
        new("Silu(Beta = -1)", Z, M, P, P),
        new("Silu(Beta = 0)", Z, M, P, P),
        // x·tanh(softplus(x)) = ±0·tanh(ln 2); f' = tanh(ln 2) = 0.6.
        new("Mish", Z, M, P, P),
        // Odd: tanh(±0) = ±0; f' = 1 - tanh²(0) = 1. From the output: 1 - (±0)² = 1.
        new("Tanh", Z, M, P, P, (P, P)),
        // ±0 / (1 + 0) = ±0; f' = 1. From the output: (1 - |±0|)² = 1.
        new("Softsign", Z, M, P, P, (P, P)),
        // -softplus(-x) = -ln 2; f' = σ(-x) = ½.
        new("LogSigmoid", N, N, P, P),
        // max(0, min(1, ±0/6 + ½)) = ½; f' = 1/6. From the output: 0 < ±0 < 1 is false, 0.
        new("HardSigmoid", P, P, P, P, (Z, Z)),
        // ±0·max(0, min(1, ½)) = ±0; f' = ±0/3 + ½ = ½.
        new("HardSwish", Z, M, P, P),
        // max(Min, min(Max, ±0)): ±0 where Min < 0 < Max; f' = 1 there, else 0. From the output: the same test on y.
        new("HardTanh", Z, M, P, P, (P, P)),
        new("HardTanh(Min = -0.1, Max = 0.7)", Z, M, P, P, (P, P)),
        new("HardTanh(Min = 0, Max = 6)", Z, Z, Z, Z, (Z, Z)), // max(+0, ±0) = +0; 0 < ±0 is false
        new("HardTanh(Min = -2, Max = 0)", Z, M, Z, Z, (Z, Z)), // min(+0, ±0) = ±0; ±0 < 0 is false
    };

    public static IEnumerable<object[]> Attributes => Cases.Select(c => new object[] { c.Attribute });

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Float_NaN_and_signed_zero_in_every_shape_and_position(string attribute) => Check<float>(Find(attribute));

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Double_NaN_and_signed_zero_in_every_shape_and_position(string attribute) => Check<double>(Find(attribute));

    /// <summary>
    /// Zero results away from x = 0 follow the same products: 0·x and x·max(0, …) = x·(+0) are -0 for x &lt; 0, the left
    /// tails of x·g(x) underflow to -0 and their limit at -∞ is -0; a maximum with 0 is +0.
    /// </summary>
    [Theory]
    [InlineData("LeakyRelu(NegativeSlope = 0)", -2.5, Sign.MinusZero)] // 0·x
    [InlineData("LeakyRelu(NegativeSlope = 0)", double.NegativeInfinity, Sign.MinusZero)]
    [InlineData("HardSwish", -3, Sign.MinusZero)] // x·max(0, min(1, -3/6 + ½)) = -3·(+0)
    [InlineData("HardSwish", -5, Sign.MinusZero)]
    [InlineData("HardSwish", double.NegativeInfinity, Sign.MinusZero)]
    [InlineData("Gelu", double.NegativeInfinity, Sign.MinusZero)] // x·Φ(x)
    [InlineData("Gelu(Approximate = GeluApproximation.Tanh)", double.NegativeInfinity, Sign.MinusZero)]
    [InlineData("Silu", double.NegativeInfinity, Sign.MinusZero)] // x·σ(x)
    [InlineData("Mish", double.NegativeInfinity, Sign.MinusZero)] // x·tanh(softplus(x))
    [InlineData("Relu", -2.5, Sign.PlusZero)] // max(0, x)
    [InlineData("Relu", double.NegativeInfinity, Sign.PlusZero)]
    [InlineData("HardSigmoid", -5, Sign.PlusZero)] // max(0, min(1, x/6 + ½))
    public void Zero_results_away_from_zero_have_the_sign_of_the_formula(string attribute, double x, Sign expected)
    {
        AssertSign(expected, Compiled.Kernels<float>(attribute).F((float)x), $"{attribute}: f({x}), float");
        AssertSign(expected, Compiled.Kernels<double>(attribute).F(x), $"{attribute}: f({x}), double");
    }

    /// <summary>Every activation kind has a case here (a new attribute must say what it gives at ±0).</summary>
    [Fact]
    public void Every_activation_has_a_case()
    {
        var names = Cases.Select(c => c.Attribute.Split('(')[0]).ToHashSet();
        Assert.Equal(17, Catalog.Names.Count);
        Assert.All(Catalog.Names, name => Assert.Contains(name, names));
    }

    private static Case Find(string attribute) => Cases.Single(c => c.Attribute == attribute);

    private static void Check<T>(Case c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var k = Compiled.Kernels<T>(c.Attribute);
        var pool = Pool<T>();

        // The scalar method against the rules themselves.
        foreach (var nan in NaNs<T>())
        {
            AssertBits(nan, k.F(nan), $"{c.Attribute}: f(NaN 0x{Bits(nan):X})");
            AssertBits(nan, k.D(nan), $"{c.Attribute}: f'(NaN 0x{Bits(nan):X})");
        }

        AssertSigns(c.Attribute + ": f", k.F(T.Zero), k.F(T.NegativeZero), c.FPlus, c.FMinus);
        AssertSigns(c.Attribute + ": f'", k.D(T.Zero), k.D(T.NegativeZero), c.DPlus, c.DMinus);

        // Every other shape against the scalar method, bit for bit, at every position.
        var f = pool.Select(k.F).ToArray();
        var d = pool.Select(k.D).ToArray();
        CheckMaps(c.Attribute, k, pool, f, d);
        CheckBackward(c.Attribute, k.Backward, pool, d);
        CheckVectors(c.Attribute, k, pool, f, d);

        if (c.FromOutput is { } expected)
        {
            var fromOutput = Compiled.FromOutput<T>(c.Attribute);
            T Single(T y)
            {
                var result = new T[1];
                fromOutput.Backward(new[] { y }, new[] { T.One }, result);
                return result[0];
            }

            foreach (var nan in NaNs<T>())
            {
                AssertBits(nan, Single(nan), $"{c.Attribute} from the output: y = NaN 0x{Bits(nan):X}");
            }

            AssertSigns(c.Attribute + ": f' from the output", Single(T.Zero), Single(T.NegativeZero), expected.Plus, expected.Minus);
            CheckBackward(c.Attribute + " (FromOutput)", fromOutput.Backward, pool, pool.Select(Single).ToArray());
        }
    }

    /// <summary>Span, in place and fused, f and f': x[i] = pool[(i + r) % pool.Length] for every rotation r and length.</summary>
    private static void CheckMaps<T>(string attribute, IKernelSet<T> k, T[] pool, T[] f, T[] d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var n = 0; n <= MaxLength; n++)
        {
            var x = new T[n];
            var index = new int[n];
            var y = new T[n];
            var dy = new T[n];
            for (var r = 0; r < pool.Length; r++)
            {
                for (var i = 0; i < n; i++)
                {
                    index[i] = (i + r) % pool.Length;
                    x[i] = pool[index[i]];
                }

                var what = $"{attribute}, n = {n}, rotation {r}";
                k.Map(x, y);
                AssertAll(f, index, y, what + ", span f");
                k.MapDerivative(x, y);
                AssertAll(d, index, y, what + ", span f'");
                x.CopyTo(y, 0);
                k.InPlace(y);
                AssertAll(f, index, y, what + ", in place f");
                x.CopyTo(y, 0);
                k.InPlaceDerivative(y);
                AssertAll(d, index, y, what + ", in place f'");
                k.Fused(x, y, dy);
                AssertAll(f, index, y, what + ", fused f");
                AssertAll(d, index, dy, what + ", fused f'");
            }
        }
    }

    private delegate void BackwardMethod<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    /// <summary>
    /// Backward (also in place over gradOutput), with every pair of an input from the pool and a gradOutput from
    /// <see cref="GradOutputs{T}"/> at every position: the rule, written out here, with f' from the scalar method.
    /// </summary>
    private static void CheckBackward<T>(string attribute, BackwardMethod<T> backward, T[] pool, T[] d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var grads = GradOutputs<T>();
        var expected = new T[pool.Length, grads.Length];
        for (var a = 0; a < pool.Length; a++)
        {
            for (var b = 0; b < grads.Length; b++)
            {
                // A NaN gradOutput wins, then a NaN x; both unchanged. Else the IEEE product (0·∞: the processor's NaN).
                expected[a, b] = T.IsNaN(grads[b]) ? grads[b] : T.IsNaN(pool[a]) ? pool[a] : grads[b] * d[a];
            }
        }

        for (var n = 0; n <= MaxLength; n++)
        {
            var x = new T[n];
            var g = new T[n];
            var result = new T[n];
            for (var rx = 0; rx < pool.Length; rx++)
            {
                for (var rg = 0; rg < grads.Length; rg++)
                {
                    for (var i = 0; i < n; i++)
                    {
                        x[i] = pool[(i + rx) % pool.Length];
                        g[i] = grads[(i + rg) % grads.Length];
                    }

                    backward(x, g, result);
                    for (var pass = 0; pass < 2; pass++)
                    {
                        for (var i = 0; i < n; i++)
                        {
                            var want = expected[(i + rx) % pool.Length, (i + rg) % grads.Length];
                            if (Bits(want) != Bits(result[i]))
                            {
                                Assert.Fail($"{attribute}, backward{(pass == 1 ? " in place" : string.Empty)}, n = {n}, index {i}: x = {Show(x[i])}, gradOutput = {Show(g[i])}: got {Show(result[i])}, expected {Show(want)}");
                            }
                        }

                        g.CopyTo(result, 0);
                        backward(x, result, result);
                    }
                }
            }
        }
    }

    private static void CheckVectors<T>(string attribute, IKernelSet<T> k, T[] pool, T[] f, T[] d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLanes(attribute + ", Vector128", Vector128<T>.Count, pool, f, d, v => Lanes(k.F128(Vector128.Create<T>(v))), v => Lanes(k.D128(Vector128.Create<T>(v))));
        CheckLanes(attribute + ", Vector256", Vector256<T>.Count, pool, f, d, v => Lanes(k.F256(Vector256.Create<T>(v))), v => Lanes(k.D256(Vector256.Create<T>(v))));
        CheckLanes(attribute + ", Vector512", Vector512<T>.Count, pool, f, d, v => Lanes(k.F512(Vector512.Create<T>(v))), v => Lanes(k.D512(Vector512.Create<T>(v))));
    }

    private static T[] Lanes<T>(Vector128<T> v)
    {
        var lanes = new T[Vector128<T>.Count];
        v.CopyTo(lanes);
        return lanes;
    }

    private static T[] Lanes<T>(Vector256<T> v)
    {
        var lanes = new T[Vector256<T>.Count];
        v.CopyTo(lanes);
        return lanes;
    }

    private static T[] Lanes<T>(Vector512<T> v)
    {
        var lanes = new T[Vector512<T>.Count];
        v.CopyTo(lanes);
        return lanes;
    }

    private static void CheckLanes<T>(string what, int count, T[] pool, T[] f, T[] d, Func<T[], T[]> forward, Func<T[], T[]> derivative)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var lanes = new T[count];
        var index = new int[count];
        for (var r = 0; r < pool.Length; r++)
        {
            for (var i = 0; i < count; i++)
            {
                index[i] = (i + r) % pool.Length;
                lanes[i] = pool[index[i]];
            }

            AssertAll(f, index, forward(lanes), $"{what} f, rotation {r}");
            AssertAll(d, index, derivative(lanes), $"{what} f', rotation {r}");
        }
    }

    private static void AssertAll<T>(T[] expected, int[] index, T[] actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < index.Length; i++)
        {
            if (Bits(expected[index[i]]) != Bits(actual[i]))
            {
                Assert.Fail($"{what}, index {i}: got {Show(actual[i])}, the scalar method gives {Show(expected[index[i]])}");
            }
        }
    }

    private static void AssertSigns<T>(string what, T atPlus, T atMinus, Sign plus, Sign minus)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        AssertSign(plus, atPlus, what + "(+0)");
        AssertSign(minus, atMinus, what + "(-0)");
        if (!T.IsZero(atPlus) || !T.IsZero(atMinus))
        {
            // The same real number at +0 and -0: the same result.
            AssertBits(atPlus, atMinus, what + "(-0) against " + what + "(+0)");
        }
    }

    private static void AssertSign<T>(Sign expected, T actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ok = expected switch
        {
            Sign.PlusZero => Bits(actual) == Bits(T.Zero),
            Sign.MinusZero => Bits(actual) == Bits(T.NegativeZero),
            Sign.Positive => actual > T.Zero,
            _ => actual < T.Zero,
        };
        Assert.True(ok, $"{what} is {Show(actual)}, expected {expected}");
    }

    private static void AssertBits<T>(T expected, T actual, string what)
        where T : unmanaged =>
        Assert.True(Bits(expected) == Bits(actual), $"{what}: got {Show(actual)}, expected {Show(expected)}");

    /// <summary>NaNs of both signs, quiet and signaling, with and without a payload.</summary>
    private static T[] NaNs<T>()
        where T : unmanaged =>
        typeof(T) == typeof(float)
            ? new ulong[] { 0x7FC00000, 0xFFC00000, 0x7FC0BEEF, 0xFFEDCBA9, 0x7F800001, 0xFF912345 }.Select(FromBits<T>).ToArray()
            : new ulong[] { 0x7FF8000000000000, 0xFFF8000000000000, 0x7FF800000000BEEF, 0xFFFDCBA987654321, 0x7FF0000000000001, 0xFFF1234567890ABC }.Select(FromBits<T>).ToArray();

    /// <summary>The inputs placed at every position: the NaNs, ±0 and a few ordinary values.</summary>
    private static T[] Pool<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        NaNs<T>().Concat(new[] { T.Zero, T.NegativeZero, T.CreateTruncating(-2.5), T.CreateTruncating(0.75), T.CreateTruncating(3.5) }).ToArray();

    /// <summary>The gradOutputs placed at every position: NaNs of both signs, ±0, ±∞ (0·∞ is NaN) and ordinary values.</summary>
    private static T[] GradOutputs<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var nans = NaNs<T>();
        return new[] { nans[2], nans[5], T.Zero, T.NegativeZero, T.PositiveInfinity, T.CreateTruncating(1.5), T.CreateTruncating(-2) };
    }

    private static ulong Bits<T>(T value)
        where T : unmanaged =>
        Unsafe.SizeOf<T>() == 4 ? Unsafe.As<T, uint>(ref value) : Unsafe.As<T, ulong>(ref value);

    private static T FromBits<T>(ulong bits)
        where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() == 4)
        {
            var narrow = (uint)bits;
            return Unsafe.As<uint, T>(ref narrow);
        }

        return Unsafe.As<ulong, T>(ref bits);
    }

    private static string Show<T>(T value)
        where T : unmanaged =>
        $"{value} (0x{Bits(value).ToString(Unsafe.SizeOf<T>() == 4 ? "X8" : "X16", System.Globalization.CultureInfo.InvariantCulture)})";

    /// <summary>Every case's kernel set and backward from the output, for float and double, from one compilation.</summary>
    private static class Compiled
    {
        private static readonly Lazy<Dictionary<(string, Type), object>> Sets = new(Compile);

        public static IKernelSet<T> Kernels<T>(string attribute)
            where T : unmanaged =>
            (IKernelSet<T>)Sets.Value[(attribute, typeof(T))];

        public static IFromOutputBackward<T> FromOutput<T>(string attribute)
            where T : unmanaged =>
            (IFromOutputBackward<T>)Sets.Value[("FromOutput:" + attribute, typeof(T))];

        private static Dictionary<(string, Type), object> Compile()
        {
            var classes = new List<(string Key, Type Type, string Class, string Source)>();
            foreach (var (type, keyword) in new[] { (typeof(float), "float"), (typeof(double), "double") })
            {
                for (var i = 0; i < Cases.Length; i++)
                {
                    var c = Cases[i];
                    var name = $"Kernels{i}_{keyword}";
                    classes.Add((c.Attribute, type, name, KernelSets.Source(c.Attribute, keyword, name)));
                    if (c.FromOutput is not null)
                    {
                        var fromOutput = c.Attribute.EndsWith(')') ? c.Attribute[..^1] + ", FromOutput = true)" : c.Attribute + "(FromOutput = true)";
                        name = $"FromOutput{i}_{keyword}";
                        classes.Add(("FromOutput:" + c.Attribute, type, name, $$"""
                            using System;
                            using ActivationGen;

                            namespace Generated.Tests;

                            public sealed partial class {{name}} : ActivationGen.Tests.IFromOutputBackward<{{keyword}}>
                            {
                                [{{fromOutput}}] public partial void Backward(ReadOnlySpan<{{keyword}}> y, ReadOnlySpan<{{keyword}}> gradOutput, Span<{{keyword}}> gradInput);
                            }
                            """));
                    }
                }
            }

            var compilation = GeneratorHarness.CreateCompilation(classes[0].Source)
                .AddSyntaxTrees(classes.Skip(1).Select((c, i) => CSharpSyntaxTree.ParseText(c.Source, GeneratorHarness.ParseOptions, path: $"Input{i + 1}.cs")));
            var assembly = GeneratorHarness.Load(GeneratorHarness.Run(compilation).Output);
            return classes.ToDictionary(
                c => (c.Key, c.Type),
                c => Activator.CreateInstance(assembly.GetType("Generated.Tests." + c.Class, throwOnError: true)!)!);
        }
    }
}

/// <summary>A backward method with <c>FromOutput = true</c> (implemented by generated test sources).</summary>
public interface IFromOutputBackward<T>
{
    void Backward(ReadOnlySpan<T> y, ReadOnlySpan<T> gradOutput, Span<T> gradInput);
}
