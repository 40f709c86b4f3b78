using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace ActivationGen.Accuracy;

/// <summary>A generated span method: destination[i] = f(x[i]) or f'(x[i]).</summary>
internal delegate void SpanFunction(ReadOnlySpan<float> x, Span<float> destination);

/// <summary>One activation with its constants: the generated f and f', and the independent double reference.</summary>
internal sealed record FunctionCase(string Method, Reference Reference, SpanFunction F, SpanFunction Derivative)
{
    public string Name => Reference.Name;

    public string Parameters => Reference.Parameters;

    /// <summary>e.g. <c>Sigmoid(Offset=2)</c>, <c>Softplus</c>.</summary>
    public string Label => Parameters.Length == 0 ? Name : $"{Name}({Parameters.Replace(" ", string.Empty, StringComparison.Ordinal)})";

    /// <summary>
    /// Whether <paramref name="filter"/> (case and spaces ignored) selects this case: the attribute's name
    /// (<c>sigmoid</c> selects every Sigmoid but no SigmoidSum), the label or a prefix of it that includes the
    /// parenthesis (<c>Sigmoid(Offset=2)</c>, <c>SigmoidSum(Count=7</c>), or the method name in <see cref="Kernels"/>.
    /// </summary>
    public bool Matches(string filter)
    {
        var f = filter.Replace(" ", string.Empty, StringComparison.Ordinal);
        return f.Equals(Name, StringComparison.OrdinalIgnoreCase)
               || f.Equals(Method, StringComparison.OrdinalIgnoreCase)
               || (f.Contains('(', StringComparison.Ordinal) && Label.StartsWith(f, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>The cases, found by reflection over <see cref="Kernels"/> (declaration order).</summary>
internal static class Catalog
{
    private const string DerivativeSuffix = "Derivative";

    public static IReadOnlyList<FunctionCase> All { get; } = Discover();

    private static List<FunctionCase> Discover()
    {
        var methods = typeof(Kernels)
            .GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttributes().Any(a => a.GetType().Namespace == "ActivationGen"))
            .OrderBy(m => m.MetadataToken)
            .ToList();
        if (methods.Count == 0)
        {
            throw new InvalidOperationException(
                "no activation attributes found on Kernels' methods: is ACTIVATIONGEN_KEEP_ATTRIBUTES defined?");
        }

        var byName = methods.ToDictionary(m => m.Name);
        var cases = new List<FunctionCase>();
        foreach (var f in methods.Where(m => !IsDerivative(m)))
        {
            if (!byName.TryGetValue(f.Name + DerivativeSuffix, out var d) || !IsDerivative(d))
            {
                throw new InvalidOperationException($"Kernels.{f.Name} has no {f.Name}{DerivativeSuffix} with Derivative = true");
            }

            var reference = ReferenceFor(f);
            var check = ReferenceFor(d);
            if (check.Label() != reference.Label())
            {
                throw new InvalidOperationException($"Kernels.{f.Name} and {d.Name} have different constants");
            }

            cases.Add(new FunctionCase(f.Name, reference, f.CreateDelegate<SpanFunction>(), d.CreateDelegate<SpanFunction>()));
        }

        if (cases.Count * 2 != methods.Count)
        {
            throw new InvalidOperationException("every Derivative = true method of Kernels must pair with an f method");
        }

        return cases;
    }

    private static string Label(this Reference r) => r.Name + "(" + r.Parameters + ")";

    private static bool IsDerivative(MethodInfo m)
    {
        var attribute = m.GetCustomAttributes().Single(a => a.GetType().Namespace == "ActivationGen");
        return (bool)attribute.GetType().GetProperty("Derivative")!.GetValue(attribute)!;
    }

    private static Reference ReferenceFor(MethodInfo m) => m.GetCustomAttributes().Single(a => a.GetType().Namespace == "ActivationGen") switch
    {
        SigmoidAttribute a => new SigmoidReference(a.Offset),
        SigmoidSumAttribute a => new SigmoidSumReference(a.Count, a.From, a.To, a.Scale),
        SoftplusAttribute a => new SoftplusReference(a.Beta),
        ReluAttribute => new ReluReference(),
        EluAttribute a => new EluReference(a.Alpha),
        LeakyReluAttribute a => new LeakyReluReference(a.NegativeSlope),
        HardSigmoidAttribute => new HardSigmoidReference(),
        HardSwishAttribute => new HardSwishReference(),
        HardTanhAttribute a => new HardTanhReference(a.Min, a.Max),
        SoftsignAttribute => new SoftsignReference(),
        SeluAttribute => new SeluReference(),
        CeluAttribute a => new CeluReference(a.Alpha),
        SiluAttribute a => new SiluReference(a.Beta),
        LogSigmoidAttribute => new LogSigmoidReference(),
        TanhAttribute => new TanhReference(),
        MishAttribute => new MishReference(),
        GeluAttribute a => new GeluReference(a.Approximate == GeluApproximation.Tanh),
        var other => throw new InvalidOperationException("unknown attribute " + other.GetType()),
    };
}
