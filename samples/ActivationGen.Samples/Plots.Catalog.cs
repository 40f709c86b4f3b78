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
        ("selu", "SELU", "λx for x > 0, λα(e^x - 1) otherwise", "λ for x > 0, λα e^x otherwise", Activations.SeluFused),
        ("celu", "CELU (Alpha = 2)", "max(0, x) + min(0, 2(e^(x/2) - 1))", "1 for x > 0, else e^(x/2)", Activations.CeluFused),
        ("gelu", "GELU", "x Φ(x)", "Φ(x) + x φ(x)", Activations.GeluFused),
        ("gelu-tanh", "GELU, tanh approximation", "½x(1 + tanh(√(2/π)(x + 0.044715x³)))", "its exact derivative", Activations.GeluTanhFused),
        ("silu", "SiLU (swish, Beta = 1)", "x σ(x)", "σ(x)(1 + x σ(-x))", Activations.SiluFused),
        ("mish", "mish", "x tanh(softplus(x))", "its exact derivative", Activations.MishFused),
        ("tanh", "tanh", "tanh(x)", "1 - tanh²(x)", Activations.TanhFused),
        ("log-sigmoid", "log-sigmoid", "ln σ(x) = -softplus(-x)", "σ(-x)", Activations.LogSigmoidFused),
        ("softplus-beta2", "softplus with Beta = 2", "½ ln(1 + e^(2x))", "σ(2x)", Activations.SoftplusBeta2Fused),
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
