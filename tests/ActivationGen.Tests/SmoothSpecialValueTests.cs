using System;
using System.Numerics;
using ActivationGen.Tests.Infrastructure;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>Tanh, Mish and GELU at their special inputs: signed zeros, tiny values, NaN and ±∞, in every type.</summary>
[Trait("Category", "Execution")]
public class SmoothSpecialValueTests
{
    public static readonly TheoryData<string> Smooth = new()
    {
        "Tanh",
        "Mish",
        "Gelu",
        "Gelu(Approximate = GeluApproximation.None)",
        "Gelu(Approximate = GeluApproximation.Tanh)",
    };

    [Fact]
    public void Tanh_of_zero_is_zero_with_its_sign_float() => TanhOfZero<float>();

    [Fact]
    public void Tanh_of_zero_is_zero_with_its_sign_double() => TanhOfZero<double>();

    [Fact]
    public void Tanh_of_a_tiny_value_is_that_value_float() => TanhOfTiny<float>(new[] { 1e-30f, 1e-10f, 1.17549435E-38f, float.Epsilon, 3e-4f });

    [Fact]
    public void Tanh_of_a_tiny_value_is_that_value_double() => TanhOfTiny<double>(new[] { 1e-300, 1e-30, 1e-10, 2.2250738585072014E-308, double.Epsilon, 1e-8 });

    [Fact]
    public void Tanh_is_odd_bit_for_bit_float() => TanhIsOdd<float>();

    [Fact]
    public void Tanh_is_odd_bit_for_bit_double() => TanhIsOdd<double>();

    [Theory]
    [MemberData(nameof(Smooth))]
    public void NaN_gives_NaN_in_every_shape_float(string attribute) => NaNGivesNaN<float>(attribute);

    [Theory]
    [MemberData(nameof(Smooth))]
    public void NaN_gives_NaN_in_every_shape_double(string attribute) => NaNGivesNaN<double>(attribute);

    [Theory]
    [MemberData(nameof(Smooth))]
    public void Infinities_give_the_limits_float(string attribute) => Limits<float>(attribute);

    [Theory]
    [MemberData(nameof(Smooth))]
    public void Infinities_give_the_limits_double(string attribute) => Limits<double>(attribute);

    [Theory]
    [MemberData(nameof(Smooth))]
    public void Values_at_zero_float(string attribute) => AtZero<float>(attribute);

    [Theory]
    [MemberData(nameof(Smooth))]
    public void Values_at_zero_double(string attribute) => AtZero<double>(attribute);

    private static void TanhOfZero<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var k = KernelCache.Get<T>("Tanh");
        AssertBits(T.Zero, k.F(T.Zero), "tanh(0)");
        AssertBits(T.NegativeZero, k.F(T.NegativeZero), "tanh(-0)");
        AssertBits(T.One, k.D(T.Zero), "tanh'(0)");
        AssertBits(T.One, k.D(T.NegativeZero), "tanh'(-0)");
    }

    private static void TanhOfTiny<T>(T[] values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var k = KernelCache.Get<T>("Tanh");
        foreach (var v in values)
        {
            AssertBits(v, k.F(v), $"tanh({v})");
            AssertBits(-v, k.F(-v), $"tanh({-v})");
        }
    }

    private static void TanhIsOdd<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var k = KernelCache.Get<T>("Tanh");
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var x = T.CreateTruncating(Math.Pow(10, (random.NextDouble() * 6) - 4));
            AssertBits(-k.F(x), k.F(-x), $"tanh(-{x})");
            AssertBits(k.D(x), k.D(-x), $"tanh'(-{x})");
        }
    }

    private static void NaNGivesNaN<T>(string attribute)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var k = KernelCache.Get<T>(attribute);
        Assert.True(T.IsNaN(k.F(T.NaN)), attribute + ": f(NaN)");
        Assert.True(T.IsNaN(k.D(T.NaN)), attribute + ": f'(NaN)");

        // A NaN among ordinary values, in the vector loops and the tail.
        var x = new T[37];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = T.CreateTruncating(i - 18);
        }

        x[5] = T.NaN;
        x[36] = T.NaN;
        var y = new T[x.Length];
        var d = new T[x.Length];
        k.Fused(x, y, d);
        var g = new T[x.Length];
        k.Backward(x, Ones<T>(x.Length), g);
        for (var i = 0; i < x.Length; i++)
        {
            var isNaN = T.IsNaN(x[i]);
            Assert.Equal(isNaN, T.IsNaN(y[i]));
            Assert.Equal(isNaN, T.IsNaN(d[i]));
            Assert.Equal(isNaN, T.IsNaN(g[i]));
        }
    }

    private static void Limits<T>(string attribute)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var k = KernelCache.Get<T>(attribute);
        var tanh = attribute == "Tanh";
        Assert.Equal(tanh ? T.One : T.PositiveInfinity, k.F(T.PositiveInfinity));
        Assert.Equal(tanh ? -T.One : T.Zero, k.F(T.NegativeInfinity));
        Assert.Equal(tanh ? T.Zero : T.One, k.D(T.PositiveInfinity));
        Assert.Equal(T.Zero, k.D(T.NegativeInfinity));

        // The same through the span shapes (where every lane is an infinity).
        var x = new T[19];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = i % 2 == 0 ? T.PositiveInfinity : T.NegativeInfinity;
        }

        var y = new T[x.Length];
        var d = new T[x.Length];
        k.Fused(x, y, d);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(k.F(x[i]), y[i]);
            Assert.Equal(k.D(x[i]), d[i]);
        }
    }

    private static void AtZero<T>(string attribute)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var k = KernelCache.Get<T>(attribute);
        Assert.Equal(T.Zero, k.F(T.Zero));
        Assert.Equal(T.Zero, k.F(T.NegativeZero));

        // tanh'(0) = 1, GELU'(0) = ½ in both forms, Mish'(0) = tanh(ln 2) = 0.6.
        var slope = attribute == "Tanh" ? 1.0 : attribute == "Mish" ? 0.6 : 0.5;
        Assert.Equal(T.CreateTruncating(slope), k.D(T.Zero));
    }

    private static T[] Ones<T>(int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ones = new T[n];
        Array.Fill(ones, T.One);
        return ones;
    }

    private static void AssertBits<T>(T expected, T actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var same = expected.Equals(actual) && T.IsNegative(expected) == T.IsNegative(actual);
        Assert.True(same, $"{what}: expected {expected}, got {actual}");
    }
}
