using System;

namespace ActivationGen.Benchmarks;

/// <summary>Every benchmark class, in the order of the tables: activation, then element type.</summary>
public static class Catalog
{
    public static readonly Type[] Types =
    [
        typeof(SigmoidFloat), typeof(SigmoidDouble),
        typeof(SigmoidOffset2Float), typeof(SigmoidOffset2Double),
        typeof(SigmoidSum100Float), typeof(SigmoidSum100Double),
        typeof(SigmoidSumBlogFloat), typeof(SigmoidSumBlogDouble),
        typeof(SigmoidSum7Float), typeof(SigmoidSum1000Float), typeof(SigmoidSum10000Float),
        typeof(SoftplusFloat), typeof(SoftplusDouble),
        typeof(ReluFloat), typeof(ReluDouble),
        typeof(Elu1Float), typeof(Elu1Double),
        typeof(Elu05Float), typeof(Elu05Double),
        typeof(SiluFloat), typeof(SiluDouble),
        typeof(TanhFloat), typeof(TanhDouble),
        typeof(MishFloat), typeof(MishDouble),
        typeof(GeluTanhFloat), typeof(GeluTanhDouble),
        typeof(GeluFloat), typeof(GeluDouble),
        typeof(SeluFloat), typeof(SeluDouble),
    ];

    /// <summary>Benchmark classes outside the ratio table and --verify (they check themselves in their setup).</summary>
    public static readonly Type[] Others = [typeof(FromOutputFloat), typeof(FromOutputDouble), typeof(CustomFloat), typeof(GeneratorCost)];

    /// <summary>The attribute of a benchmark class, e.g. <c>Elu(Alpha = 0.5)</c>, and its element type.</summary>
    public static (string Attribute, string Element) Describe(Type type)
    {
        var instance = Activator.CreateInstance(type);
        return instance switch
        {
            ActivationBenchmarks<float> f => (f.Attribute, "float"),
            ActivationBenchmarks<double> d => (d.Attribute, "double"),
            _ => throw new ArgumentException(type + " is not a benchmark class", nameof(type)),
        };
    }
}
