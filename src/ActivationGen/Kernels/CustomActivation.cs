using ActivationGen.Custom;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// <c>[Activation(nameof(F))]</c>: the user's own definition (CUSTOM.md), parsed into an <see cref="Expr"/> by
/// <see cref="DefinitionParser"/>, which also prepares f and f'. Not in the catalog list: its attribute takes the
/// definition's name instead of parameters. Double elements compute in double lanes; float elements in float lanes where
/// the definition keeps its accuracy there (<see cref="CustomDefinition.FloatLanes"/>), else in double lanes.
/// </summary>
internal sealed class CustomActivation : Activation
{
    public static readonly CustomActivation Instance = new();

    public override string Name => "Activation";

    public override string Summary => "the function of a user's definition";

    public override string Describe(ActivationSpec spec) =>
        $"the activation defined by {spec.Definition!.Name}: f(x) is its exact value, f'(x) its exact derivative.";

    public override ElementType ComputeType(ActivationSpec spec, ElementType element) =>
        element == ElementType.Single && spec.Definition!.FloatLanes ? ElementType.Single : ElementType.Double;

    /// <summary>Long unless f (and f' where it is computed too) is a small expression: the catalog's short kernels are unrolled.</summary>
    public override bool IsLong(ActivationSpec spec, bool withDerivative) =>
        spec.Definition!.Value.Size + (withDerivative ? spec.Definition.Slope.Size : 0) > LongSize;

    /// <summary>f ends in a select that takes x itself where a comparison (false for NaN) fails: NaN comes back unchanged.</summary>
    public override bool ForwardKeepsNaN(ActivationSpec spec) =>
        spec.Definition!.Value is { Kind: Kind.Select } root
        && root.Args[2].Kind == Kind.X
        && root.A.Kind is Kind.Less or Kind.LessOrEqual or Kind.Greater or Kind.GreaterOrEqual or Kind.Equal;

    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var kernel = new KernelWriter(writer, compute, Compensated(element, compute));
        writer.Line($"var y = {kernel.WriteRoot(spec.Definition!.Value)};");
        writer.Line($"var dy = {kernel.WriteRoot(spec.Definition.Slope)};");
    }

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line($"var y = {new KernelWriter(writer, compute, Compensated(element, compute)).WriteRoot(spec.Definition!.Value)};");

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line($"var dy = {new KernelWriter(writer, compute, Compensated(element, compute)).WriteRoot(spec.Definition!.Slope)};");

    /// <summary>Distinct nodes beyond which a kernel counts as long (SiLU's f and f' together are about 25).</summary>
    private const int LongSize = 30;

    /// <summary>
    /// Whether the arguments of exponentials are pairs: in lanes of the element type; float elements in double lanes have
    /// the margin of double.
    /// </summary>
    private static bool Compensated(ElementType element, ElementType compute) => element == compute;
}
