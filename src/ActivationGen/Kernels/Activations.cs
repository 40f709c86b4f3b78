using System.Collections.Immutable;
using System.Linq;

namespace ActivationGen.Kernels;

/// <summary>
/// The catalog: every activation the generator implements, listed once. The attribute source, the parser's lookup, the
/// parameter checks and the diagnostics that name activations are derived from this list.
/// </summary>
internal static class Activations
{
    public static readonly ImmutableArray<Activation> All = ImmutableArray.Create<Activation>(
        Sigmoid.Instance,
        SigmoidSum.Instance,
        Softplus.Instance,
        Relu.Instance,
        Elu.Instance,
        LeakyRelu.Instance,
        Selu.Instance,
        Celu.Instance,
        Gelu.Instance,
        Silu.Instance,
        Mish.Instance,
        Tanh.Instance,
        Softsign.Instance,
        LogSigmoid.Instance,
        HardSigmoid.Instance,
        HardSwish.Instance,
        HardTanh.Instance);

    /// <summary>The activations that accept FromOutput = true, with their conditions, as AGEN0015 and the attribute docs name them.</summary>
    public static string FromOutputSupport { get; } = List(All
        .Where(a => a.FromOutputCondition is not null)
        .Select(a => a.FromOutputCondition!.Length == 0 ? a.Name : a.Name + " (" + a.FromOutputCondition + ")")
        .ToList());

    /// <summary>The activation by its attribute's metadata name, or null.</summary>
    public static Activation? ByMetadataName(string metadataName) =>
        All.FirstOrDefault(a => a.AttributeMetadataName == metadataName);

    private static string List(System.Collections.Generic.List<string> items) =>
        items.Count < 2 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];
}
