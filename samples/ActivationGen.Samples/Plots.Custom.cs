namespace ActivationGen.Samples;

/// <summary>One figure per user-defined activation (<c>[Activation]</c>): f on top, f' below, over x in [-8, 8].</summary>
internal sealed partial class Plots
{
    /// <summary>The user-defined activations' figures: file name, title, the formulas in the legends, the fused kernel plotted.</summary>
    public static readonly (string Name, string Title, string F, string Df, FusedKernel Kernel)[] Custom =
    [
        ("squareplus", "squareplus = [Activation(nameof(Squareplus))]", "½(x + √(x² + 4))", "½(1 + x / √(x² + 4))", Activations.SquareplusFused),
        ("three-sigmoids", "three shifted sigmoids = [Activation(nameof(ThreeSigmoids))]", "σ(x) + σ(x - 1) + σ(x - 2)", "σ'(x) + σ'(x - 1) + σ'(x - 2)", Activations.ThreeSigmoidsFused),
    ];

    public void CustomFigures()
    {
        foreach (var (name, title, f, df, kernel) in Custom)
        {
            var x = CatalogX();
            var (values, derivatives) = Fused(kernel, x);
            Function("custom-" + name, title + " and its derivative", title, "f(x) = " + f, "f'(x) = " + df, x, values, derivatives);
        }
    }
}
