using ActivationGen.Custom;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// <c>[Activation(nameof(F))]</c>: the user's own definition (CUSTOM.md), parsed into an <see cref="Expr"/> by
/// <see cref="DefinitionParser"/>, which also prepares f and f'. Not in the catalog list: its attribute takes the
/// definition's name instead of parameters. Computed in double lanes for both element types.
/// </summary>
internal sealed class CustomActivation : Activation
{
    public static readonly CustomActivation Instance = new();

    public override string Name => "Activation";

    public override string Summary => "the function of a user's definition";

    public override string Describe(ActivationSpec spec) =>
        $"the activation defined by {spec.Definition!.Name}: f(x) is its exact value, f'(x) its exact derivative.";

    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => ElementType.Double;

    public override bool IsLong(ActivationSpec spec, bool withDerivative) => true;

    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var kernel = new KernelWriter(writer, Compensated(element));
        writer.Line($"var y = {kernel.Write(spec.Definition!.Value)};");
        writer.Line($"var dy = {kernel.Write(spec.Definition.Slope)};");
    }

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line($"var y = {new KernelWriter(writer, Compensated(element)).Write(spec.Definition!.Value)};");

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line($"var dy = {new KernelWriter(writer, Compensated(element)).Write(spec.Definition!.Slope)};");

    /// <summary>Double elements take the arguments of exponentials as double-double pairs; float ones have the margin of double lanes.</summary>
    private static bool Compensated(ElementType element) => element == ElementType.Double;
}
