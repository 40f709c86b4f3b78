namespace ActivationGen.Samples;

/// <summary>One figure per activation of the wider catalog: f on top, f' below, over x in [-8, 8].</summary>
internal sealed partial class Plots
{
    /// <summary>
    /// The catalog's figures: file name, title, the formulas in the legends, the fused kernel plotted, and its kinks
    /// (where its definition changes piece, so that f or f' may jump there).
    /// </summary>
    public static readonly (string Name, string Title, string F, string Df, FusedKernel Kernel, double[] Kinks)[] Catalog =
    [
        ("leaky-relu", "Leaky ReLU (NegativeSlope = 0.1)", "x for x > 0, 0.1 x otherwise", "1 for x > 0, else 0.1", Activations.LeakyReluFused, [0]),
        ("hard-sigmoid", "hard sigmoid", "max(0, min(1, x/6 + 1/2))", "1/6 for -3 < x < 3, else 0", Activations.HardSigmoidFused, [-3, 3]),
        ("hard-swish", "hard swish", "x max(0, min(1, x/6 + 1/2))", "0, x/3 + 1/2, 1", Activations.HardSwishFused, [-3, 3]),
        ("relu6", "ReLU6 = [HardTanh(Min = 0, Max = 6)]", "max(0, min(6, x))", "1 for 0 < x < 6, else 0", Activations.Relu6Fused, [0, 6]),
        ("softsign", "softsign", "x / (1 + |x|)", "1 / (1 + |x|)²", Activations.SoftsignFused, [0]),
        ("selu", "SELU", "λx for x > 0, λα(e^x - 1) otherwise", "λ for x > 0, λα e^x otherwise", Activations.SeluFused, [0]),
        ("celu", "CELU (Alpha = 2)", "max(0, x) + min(0, 2(e^(x/2) - 1))", "1 for x > 0, else e^(x/2)", Activations.CeluFused, [0]),
        ("gelu", "GELU", "x Φ(x)", "Φ(x) + x φ(x)", Activations.GeluFused, []),
        ("gelu-tanh", "GELU, tanh approximation", "½x(1 + tanh(√(2/π)(x + 0.044715x³)))", "its exact derivative", Activations.GeluTanhFused, []),
        ("silu", "SiLU (swish, Beta = 1)", "x σ(x)", "σ(x)(1 + x σ(-x))", Activations.SiluFused, []),
        ("mish", "mish", "x tanh(softplus(x))", "its exact derivative", Activations.MishFused, []),
        ("tanh", "tanh", "tanh(x)", "1 - tanh²(x)", Activations.TanhFused, []),
        ("log-sigmoid", "log-sigmoid", "ln σ(x) = -softplus(-x)", "σ(-x)", Activations.LogSigmoidFused, []),
        ("softplus-beta2", "softplus with Beta = 2", "½ ln(1 + e^(2x))", "σ(2x)", Activations.SoftplusBeta2Fused, []),
    ];

    /// <summary>x = -8, -7.95, …, 8: wide enough that ReLU6 levels off inside the figure, fine enough for the kinks.</summary>
    public static double[] CatalogX() => Grid(-160, 160, 20);

    public void CatalogFigures()
    {
        foreach (var (name, title, f, df, kernel, kinks) in Catalog)
        {
            var (x, values, derivatives) = Sample(kernel, CatalogX(), kinks);
            Function("catalog-" + name, title + " and its derivative", title, "f(x) = " + f, "f'(x) = " + df, x, values, derivatives);
        }
    }
}
