using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ActivationGen.Samples;

// Usage: ActivationGen.Samples [--out DIR]   (default ./plots)
const string Usage = "usage: ActivationGen.Samples [--out DIR]   (writes the figures and their data to DIR, default ./plots)";
var outputDirectory = "plots";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length:
            outputDirectory = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine(args[i] == "--out" ? "error: --out needs a directory" : $"error: unknown argument '{args[i]}'");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

outputDirectory = Path.GetFullPath(outputDirectory);

// Check before plotting: without a usable font every title, label and tick would come out blank.
if (Plots.TextRenderingProblem() is { } problem)
{
    Console.Error.WriteLine("error: " + problem);
    return 1;
}

// ---- f and f' of every activation at a few points --------------------------------------------------------------
double[] x = [-10, -5, -2, -1, 0, 1, 2, 5, 10];

(string Name, double[] Values)[] columns =
[
    ("sigmoid", Apply(Activations.Sigmoid)),
    ("sigmoid'", Apply(Activations.SigmoidDerivative)),
    ("sig(x-2)", Apply(Activations.SigmoidOffset2)),
    ("sig'(x-2)", Apply(Activations.SigmoidOffset2Derivative)),
    ("sigsum", Apply(Activations.SigmoidSum)),
    ("sigsum'", Apply(Activations.SigmoidSumDerivative)),
    ("softplus", Apply(Activations.Softplus)),
    ("softplus'", Apply(Activations.SoftplusDerivative)),
    ("relu", Apply(Activations.Relu)),
    ("relu'", Apply(Activations.ReluDerivative)),
    ("elu", Apply(Activations.Elu)),
    ("elu'", x.Select(Activations.EluDerivative).ToArray()),
];

Console.WriteLine("sigsum = [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)], elu with Alpha = 1");
PrintTable(columns);

// The user-defined activations: plain C# definitions turned into kernels by [Activation(nameof(...))].
(string Name, double[] Values)[] customColumns =
[
    ("sqplus", Apply(Activations.SquareplusSpan)),
    ("sqplus'", Apply(Activations.SquareplusDerivative)),
    ("sig3", Apply(Activations.ThreeSigmoidsSpan)),
    ("sig3'", Apply(Activations.ThreeSigmoidsDerivative)),
];

Console.WriteLine();
Console.WriteLine("user-defined with [Activation]: sqplus = squareplus ½(x + √(x² + 4)), sig3 = σ(x) + σ(x - 1) + σ(x - 2)");
PrintTable(customColumns);

// ---- the blog's figures, f and f' from the fused kernels ---------------------------------------------------------
Directory.CreateDirectory(outputDirectory);
Console.WriteLine();
Console.WriteLine($"figures of the blog, in {outputDirectory}:");
var plots = new Plots(outputDirectory);
plots.BlogFigures();

// ---- the rest of the catalog: every other activation with its derivative ----------------------------------------
Console.WriteLine();
Console.WriteLine($"figures of the rest of the catalog, in {outputDirectory}:");
plots.CatalogFigures();

// ---- the user-defined activations ([Activation]) with their derivatives -----------------------------------------
Console.WriteLine();
Console.WriteLine($"figures of the user-defined activations, in {outputDirectory}:");
plots.CustomFigures();

// ---- why derivatives matter: the same small network trained with three activations ------------------------------
Console.WriteLine();
Console.WriteLine($"training a 1 → {Training.Hidden} → 1 network on a noisy sine ({Training.Samples} points in [-3, 3], seed {Training.Seed}), "
                  + $"full-batch gradient descent, {Training.Epochs} epochs:");
var data = Training.MakeData();
var runs = Training.TrainAll(data);
foreach (var run in runs)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{run.Name,-8} loss {run.Loss[0]:F4} -> {run.Loss[^1]:F4}  ({run.Loss[0] / run.Loss[^1]:F0}x lower)"));
}

Console.WriteLine($"training figures, in {outputDirectory}:");
plots.TrainingLoss(runs, Training.LossOfSine(data));
plots.TrainingFit(data, runs);

Console.WriteLine();
Console.WriteLine($"done: figures (PNG) and the numbers they plot (CSV) are in {outputDirectory}");
return 0;

void PrintTable((string Name, double[] Values)[] table)
{
    const int Width = 10;
    Console.WriteLine("x".PadLeft(4) + string.Concat(table.Select(c => c.Name.PadLeft(Width))));
    for (var row = 0; row < x.Length; row++)
    {
        Console.WriteLine(
            x[row].ToString(CultureInfo.InvariantCulture).PadLeft(4) +
            string.Concat(table.Select(c => c.Values[row].ToString("F5", CultureInfo.InvariantCulture).PadLeft(Width))));
    }
}

double[] Apply(SpanActivation activation)
{
    var destination = new double[x.Length];
    activation(x, destination);
    return destination;
}

internal delegate void SpanActivation(ReadOnlySpan<double> x, Span<double> destination);
