using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using ActivationGen.Tests.Infrastructure;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>The runtime rules of API.md for the span shapes, every tail length, and the special values.</summary>
[Trait("Category", "Execution")]
public class ExecutionTests
{
    public delegate void MapAction<T>(ReadOnlySpan<T> x, Span<T> destination);

    public static readonly string[] Attributes =
    {
        "Sigmoid(Offset = 2)",
        "SigmoidSum(Count = 7, From = -1, To = 2, Scale = 0.5)",
        "SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)",
        "SigmoidSum(Count = 1000, From = 3, To = 3.5, Scale = -2)",
        "Softplus",
        "Relu",
        "Elu(Alpha = 0.5)",
        "LeakyRelu(NegativeSlope = 0.2)",
        "HardSigmoid",
        "HardSwish",
        "HardTanh(Min = 0, Max = 6)",
        "Softsign",
        "Selu",
        "Celu(Alpha = 0.3)",
        "Celu(Alpha = -2)",
        "Silu(Beta = 1.702)",
        "LogSigmoid",
        "Softplus(Beta = 0.5)",
    };

    public static IEnumerable<object[]> AttributeRows => Attributes.Select(a => new object[] { a });

    [Theory]
    [MemberData(nameof(AttributeRows))]
    public void Every_length_and_offset_float(string attribute) => EveryLengthAndOffset<float>(attribute);

    [Theory]
    [MemberData(nameof(AttributeRows))]
    public void Every_length_and_offset_double(string attribute) => EveryLengthAndOffset<double>(attribute);

    private static void EveryLengthAndOffset<T>(string attribute)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var k = KernelCache.Get<T>(attribute);
        var random = new Random(7);
        var sentinel = T.CreateTruncating(-12345.5);
        const int Pad = 17;
        for (var length = 0; length <= 200; length++)
        {
            foreach (var offset in new[] { 0, 1, 3 })
            {
                var x = new T[Pad + length + Pad];
                for (var i = 0; i < x.Length; i++)
                {
                    x[i] = T.CreateTruncating((random.NextDouble() * 30) - 15);
                }

                var xs = x.AsSpan(Pad + offset, length).ToArray();
                var g = Enumerable.Range(0, length).Select(_ => T.CreateTruncating(random.NextDouble() - 0.5)).ToArray();
                var f = new T[length];
                var d = new T[length];
                for (var i = 0; i < length; i++)
                {
                    f[i] = k.F(xs[i]);
                    d[i] = k.D(xs[i]);
                }

                var where = $"{attribute}, {typeof(T).Name}, length {length}, offset {offset}";
                var dest = Padded<T>(length, offset, sentinel);
                k.Map(xs, dest.AsSpan(Pad + offset, length));
                AssertWindow(dest, Pad + offset, f, sentinel, "Map " + where);

                dest = Padded<T>(length, offset, sentinel);
                k.MapDerivative(xs, dest.AsSpan(Pad + offset, length));
                AssertWindow(dest, Pad + offset, d, sentinel, "Map f' " + where);

                dest = Padded<T>(length, offset, sentinel);
                xs.CopyTo(dest.AsSpan(Pad + offset, length));
                k.InPlace(dest.AsSpan(Pad + offset, length));
                AssertWindow(dest, Pad + offset, f, sentinel, "in place " + where);

                dest = Padded<T>(length, offset, sentinel);
                k.Backward(xs, g, dest.AsSpan(Pad + offset, length));
                AssertWindow(dest, Pad + offset, g.Zip(d, (a, b) => a * b).ToArray(), sentinel, "backward " + where);

                dest = Padded<T>(length, offset, sentinel);
                var derivative = Padded<T>(length, offset, sentinel);
                k.Fused(xs, dest.AsSpan(Pad + offset, length), derivative.AsSpan(Pad + offset, length));
                AssertWindow(dest, Pad + offset, f, sentinel, "fused f " + where);
                AssertWindow(derivative, Pad + offset, d, sentinel, "fused f' " + where);
            }
        }

        static T[] Padded<TElement>(int length, int offset, T fill)
        {
            var array = new T[Pad + offset + length + Pad];
            array.AsSpan().Fill(fill);
            return array;
        }
    }

    private static void AssertWindow<T>(T[] buffer, int start, T[] expected, T sentinel, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            var inside = i >= start && i < start + expected.Length;
            var want = inside ? expected[i - start] : sentinel;
            Assert.True(want.Equals(buffer[i]) || (T.IsNaN(want) && T.IsNaN(buffer[i])), $"{what}: index {i} is {buffer[i]}, expected {want}{(inside ? string.Empty : " (outside the destination)")}");
        }
    }

    [Fact]
    public void Short_destination_throws_naming_it_and_writes_nothing()
    {
        var k = KernelCache.Get<float>("Elu(Alpha = 0.5)");
        var x = new float[] { -1, 0, 1, 2, 3, 4, 5, 6, 7 };
        var destination = new float[8];
        var e = Assert.Throws<ArgumentException>(() => k.Map(x, destination));
        Assert.Equal("destination", e.ParamName);
        Assert.All(destination, v => Assert.Equal(0, v));

        var derivative = new float[9];
        e = Assert.Throws<ArgumentException>(() => k.Fused(x, destination, derivative));
        Assert.Equal("destination", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => k.Fused(x, new float[9], new float[3]));
        Assert.Equal("derivative", e.ParamName);
        Assert.All(derivative, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Backward_checks_lengths()
    {
        var k = KernelCache.Get<double>("Sigmoid(Offset = 2)");
        var x = new double[] { 1, 2, 3, 4, 5 };
        var gradInput = new double[5];
        var e = Assert.Throws<ArgumentException>(() => k.Backward(x, new double[4], gradInput));
        Assert.Equal("gradOutput", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => k.Backward(x, new double[6], gradInput));
        Assert.Equal("gradOutput", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => k.Backward(x, new double[5], new double[4]));
        Assert.Equal("gradInput", e.ParamName);
        Assert.All(gradInput, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Longer_destination_is_written_only_up_to_the_input_length()
    {
        var k = KernelCache.Get<float>("Relu");
        var destination = Enumerable.Repeat(9f, 40).ToArray();
        k.Map(new float[] { -1, 2, -3 }, destination);
        Assert.Equal(new float[] { 0, 2, 0 }, destination[..3]);
        Assert.All(destination[3..], v => Assert.Equal(9f, v));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(7)]
    [InlineData(-33)]
    public void Partial_overlap_throws_and_writes_nothing(int shift)
    {
        var k = KernelCache.Get<float>("Softplus");
        var buffer = Enumerable.Range(0, 200).Select(i => (float)i).ToArray();
        var before = buffer.ToArray();
        var x = buffer.AsSpan(50, 64).ToArray();
        var e = Assert.Throws<ArgumentException>(() => k.Map(buffer.AsSpan(50, 64), buffer.AsSpan(50 + shift, 64)));
        Assert.Equal("destination", e.ParamName);
        Assert.Equal(before, buffer);

        e = Assert.Throws<ArgumentException>(() => k.Backward(x, buffer.AsSpan(50, 64), buffer.AsSpan(50 + shift, 64)));
        Assert.Equal("gradInput", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => k.Backward(buffer.AsSpan(50, 64), x, buffer.AsSpan(50 + shift, 64)));
        Assert.Equal("gradInput", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => k.Fused(buffer.AsSpan(50, 64), buffer.AsSpan(50 + shift, 64), new float[64]));
        Assert.Equal("destination", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => k.Fused(buffer.AsSpan(50, 64), new float[64], buffer.AsSpan(50 + shift, 64)));
        Assert.Equal("derivative", e.ParamName);
        Assert.Equal(before, buffer);
    }

    [Fact]
    public void Outputs_of_fused_must_not_overlap_each_other()
    {
        var k = KernelCache.Get<double>("Elu(Alpha = 0.5)");
        var outputs = new double[100];
        var e = Assert.Throws<ArgumentException>(() => k.Fused(new double[50], outputs.AsSpan(0, 50), outputs.AsSpan(0, 50)));
        Assert.Equal("derivative", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => k.Fused(new double[50], outputs.AsSpan(0, 50), outputs.AsSpan(49, 50)));
        Assert.Equal("derivative", e.ParamName);
    }

    [Fact]
    public void Exactly_in_place_is_allowed_for_every_span_shape()
    {
        var k = KernelCache.Get<float>("Sigmoid(Offset = 2)");
        var random = new Random(3);
        var x = Enumerable.Range(0, 77).Select(_ => (float)((random.NextDouble() * 20) - 10)).ToArray();
        var g = Enumerable.Range(0, 77).Select(_ => (float)random.NextDouble()).ToArray();
        var f = x.Select(k.F).ToArray();
        var d = x.Select(k.D).ToArray();

        var buffer = x.ToArray();
        k.Map(buffer, buffer);
        Assert.Equal(f, buffer);

        buffer = g.ToArray();
        k.Backward(x, buffer, buffer);
        Assert.Equal(g.Zip(d, (a, b) => a * b), buffer);

        buffer = x.ToArray();
        k.Backward(buffer, g, buffer);
        Assert.Equal(g.Zip(d, (a, b) => a * b), buffer);

        buffer = x.ToArray();
        var derivative = new float[77];
        k.Fused(buffer, buffer, derivative);
        Assert.Equal(f, buffer);
        Assert.Equal(d, derivative);
    }

    [Fact]
    public void Empty_inputs_do_nothing()
    {
        var k = KernelCache.Get<double>("Relu");
        var destination = new double[] { 5 };
        k.Map(ReadOnlySpan<double>.Empty, destination);
        k.Map(ReadOnlySpan<double>.Empty, Span<double>.Empty);
        k.InPlace(Span<double>.Empty);
        k.Backward(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, destination);
        k.Fused(ReadOnlySpan<double>.Empty, destination, Span<double>.Empty);
        Assert.Equal(5, destination[0]);
    }

    [Theory]
    [MemberData(nameof(AttributeRows))]
    public void NaN_gives_NaN(string attribute)
    {
        var single = KernelCache.Get<float>(attribute);
        var dbl = KernelCache.Get<double>(attribute);
        Assert.True(float.IsNaN(single.F(float.NaN)), "f(NaN), float");
        Assert.True(float.IsNaN(single.D(float.NaN)), "f'(NaN), float");
        Assert.True(double.IsNaN(dbl.F(double.NaN)), "f(NaN), double");
        Assert.True(double.IsNaN(dbl.D(double.NaN)), "f'(NaN), double");

        var values = Enumerable.Range(0, 37).Select(i => i % 5 == 0 ? float.NaN : i).ToArray();
        var y = new float[37];
        var dy = new float[37];
        single.Fused(values, y, dy);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(float.IsNaN(values[i]), float.IsNaN(y[i]));
            Assert.Equal(float.IsNaN(values[i]), float.IsNaN(dy[i]));
        }
    }

    [Theory]
    [InlineData("Sigmoid", 1, 0, 0, 0)]
    [InlineData("Sigmoid(Offset = 1000)", 1, 0, 0, 0)]
    [InlineData("SigmoidSum(Count = 10, From = -5, To = 5, Scale = 2)", 20, 0, 0, 0)]
    [InlineData("SigmoidSum(Count = 100, From = -5, To = 5, Scale = 2)", 200, 0, 0, 0)]
    [InlineData("SigmoidSum(Count = 1000, From = 0, To = 0.5)", 1000, 0, 0, 0)]
    [InlineData("Softplus", double.PositiveInfinity, 0, 1, 0)]
    [InlineData("Relu", double.PositiveInfinity, 0, 1, 0)]
    [InlineData("Elu(Alpha = 0.5)", double.PositiveInfinity, -0.5, 1, 0)]
    [InlineData("Elu", double.PositiveInfinity, -1, 1, 0)]
    [InlineData("LeakyRelu", double.PositiveInfinity, double.NegativeInfinity, 1, 0.01)]
    [InlineData("LeakyRelu(NegativeSlope = 0)", double.PositiveInfinity, 0, 1, 0)]
    [InlineData("LeakyRelu(NegativeSlope = -2)", double.PositiveInfinity, double.PositiveInfinity, 1, -2)]
    [InlineData("HardSigmoid", 1, 0, 0, 0)]
    [InlineData("HardSwish", double.PositiveInfinity, 0, 1, 0)]
    [InlineData("HardTanh(Min = -2.5, Max = 1e300)", 1e300, -2.5, 0, 0)]
    [InlineData("Softsign", 1, -1, 0, 0)]
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
    public void Derivatives_at_the_kinks_follow_the_contract()
    {
        Assert.Equal(0, KernelCache.Get<double>("Relu").D(0));
        Assert.Equal(0.5, KernelCache.Get<double>("Elu(Alpha = 0.5)").D(0));
        Assert.Equal(0.5f, KernelCache.Get<float>("Elu(Alpha = 0.5)").D(0));
        Assert.Equal(1, KernelCache.Get<double>("Relu").D(double.Epsilon));
        Assert.Equal(0.2f, KernelCache.Get<float>("LeakyRelu(NegativeSlope = 0.2)").D(0));
        Assert.Equal(0, KernelCache.Get<double>("HardSigmoid").D(-3));
        Assert.Equal(0, KernelCache.Get<double>("HardSigmoid").D(3));
        Assert.Equal(1.0 / 6, KernelCache.Get<double>("HardSigmoid").D(-2.9999999999999996));
        Assert.Equal(-0.5, KernelCache.Get<double>("HardSwish").D(-3));
        Assert.Equal(1.5f, KernelCache.Get<float>("HardSwish").D(3));
        Assert.Equal(0, KernelCache.Get<double>("HardTanh(Min = 0, Max = 6)").D(0));
        Assert.Equal(0, KernelCache.Get<float>("HardTanh(Min = 0, Max = 6)").D(6));
        Assert.Equal(1, KernelCache.Get<float>("HardTanh(Min = 0, Max = 6)").D(float.Epsilon));
    }

    [Fact]
    public void Exceptions_name_the_users_parameters()
    {
        const string Source = """
            using System;
            using ActivationGen;

            namespace Generated.Tests;

            public static partial class Named
            {
                [Elu] public static partial void Apply(ReadOnlySpan<float> input, Span<float> output);

                [Sigmoid] public static partial void Grad(ReadOnlySpan<float> activations, ReadOnlySpan<float> upstream, Span<float> result);
            }
            """;
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(Source).Output);
        var type = assembly.GetType("Generated.Tests.Named", throwOnError: true)!;
        var apply = type.GetMethod("Apply", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<MapAction<float>>();
        var e = Assert.Throws<ArgumentException>(() => apply(new float[3], new float[2]));
        Assert.Equal("output", e.ParamName);

        var grad = type.GetMethod("Grad", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<BackwardAction<float>>();
        e = Assert.Throws<ArgumentException>(() => grad(new float[3], new float[2], new float[3]));
        Assert.Equal("upstream", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => grad(new float[3], new float[3], new float[2]));
        Assert.Equal("result", e.ParamName);
    }

    public delegate void BackwardAction<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput);
}
