using System.Linq;

namespace ActivationGen.Samples;

/// <summary>One figure per activation of the wider catalog: f on top, f' below, over x in [-6, 6].</summary>
internal sealed partial class Plots
{
    /// <summary>The catalog's figures: file name, title, the formulas in the legends, and the fused kernel plotted.</summary>
    public static readonly (string Name, string Title, string F, string Df, FusedKernel Kernel)[] Catalog =
    [
        ("leaky-relu", "Leaky ReLU (NegativeSlope = 0.1)", "x for x > 0, 0.1 x otherwise", "1 for x > 0, else 0.1", Activations.LeakyReluFused),
        ("hard-sigmoid", "hard sigmoid", "max(0, min(1, x/6 + 1/2))", "1/6 for -3 < x < 3, else 0", Activations.HardSigmoidFused),
        ("hard-swish", "hard swish", "x max(0, min(1, x/6 + 1/2))", "0, x/3 + 1/2, 1", Activations.HardSwishFused),
        ("relu6", "ReLU6 = [HardTanh(Min = 0, Max = 6)]", "max(0, min(6, x))", "1 for 0 < x < 6, else 0", Activations.Relu6Fused),
        ("softsign", "softsign", "x / (1 + |x|)", "1 / (1 + |x|)²", Activations.SoftsignFused),
    ];

    /// <summary>x = -6, -5.95, …, 6: fine enough to show the kinks of the hard functions.</summary>
    public static double[] CatalogX() => Enumerable.Range(0, 241).Select(i => -6 + 0.05 * i).ToArray();

    public void CatalogFigures()
    {
        var x = CatalogX();
        foreach (var (name, title, f, df, kernel) in Catalog)
        {
            var (values, derivatives) = Fused(kernel, x);
            Function("catalog-" + name, title + " and its derivative", title, "f(x) = " + f, "f'(x) = " + df, x, values, derivatives);
        }
    }
}
