using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace ActivationGen.Samples;

/// <summary>
/// The figures. Each PNG gets a CSV of the same name next to it holding exactly the numbers that were plotted
/// (round-trip formatted; for a log-scale axis, the values before taking log10), so they can be checked without
/// reading pixels.
/// </summary>
internal sealed partial class Plots(string outputDirectory)
{
    public const int Width = 800;
    public const int SingleHeight = 500;
    public const int DoubleHeight = 800;

    private static readonly Color FColor = Colors.C0;
    private static readonly Color DfColor = Colors.C1;
    private static readonly Color SumColor = Colors.C2;

    /// <summary>The blog's input data: X = -10, -9.8, .., 9.8 (numpy's arange(-10, 10, .2)).</summary>
    public static double[] BlogX() => Grid(-50, 49, 5);

    /// <summary>
    /// x = i / perUnit for i = first, .., last. Dividing the integer makes each x the double nearest to its short
    /// decimal, printed as such (-7.2, not the -7.199999999999999 that -10 + 0.2 · 14 gives).
    /// </summary>
    public static double[] Grid(int first, int last, int perUnit) =>
        Enumerable.Range(first, last - first + 1).Select(i => (double)i / perUnit).ToArray();

    /// <summary>The blog's Y = linspace(0, 100, 100).</summary>
    public static double[] BlogY() => Enumerable.Range(0, 100).Select(i => i == 99 ? 100.0 : i * (100.0 / 99)).ToArray();

    /// <summary>The blog's figures: its input data, then each activation with its derivative, from the fused kernels.</summary>
    public void BlogFigures()
    {
        var x = BlogX();
        InputData(x, BlogY());

        var (sigmoid, sigmoidDf) = Fused(Activations.SigmoidFused, x);
        var (sum, sumDf) = Fused(Activations.SigmoidSumFused, x);
        var (softplus, softplusDf) = Fused(Activations.SoftplusFused, x);
        var (reluX, relu, reluDf) = Sample(Activations.ReluFused, x, kinks: [0]);
        var (eluX, elu, eluDf) = Sample(Activations.EluFused, x, kinks: [0]);

        Function("sigmoid", "the sigmoid and its derivative", "sigmoid",
            "σ(x) = 1 / (1 + e^-x)", "σ'(x) = σ(x) (1 - σ(x))", x, sigmoid, sigmoidDf);
        Function("sigmoid-sum", "the sum of 100 shifted sigmoids and its derivative", "Sum of sigmoids: offsets 0, 0.099, .., 9.8, divided by 10",
            "[SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)]", "0.1 Σ σ'(x - offset_i)", x, sum, sumDf);
        Softplus(x, softplus, softplusDf, sum, sumDf);
        Function("relu", "ReLU and its derivative", "ReLU",
            "relu(x) = max(0, x)", "relu'(x) = 1 for x > 0, else 0", reluX, relu, reluDf);
        Function("elu", "ELU (Alpha = 1) and its derivative", "ELU (Alpha = 1)",
            "elu(x) = x for x > 0, e^x - 1 otherwise", "elu'(x) = 1 for x > 0, e^x otherwise", eluX, elu, eluDf);
        VanishingGradient(x, sigmoidDf, sumDf);
    }

    private void InputData(double[] x, double[] y)
    {
        var plot = NewPlot("input data", "X", "Y");
        Line(plot, x, y, "Y = linspace(0, 100, 100)", FColor);
        Legend(plot, Alignment.UpperLeft);
        Save(plot, "input-data", "the blog's input data, Y against X", ["x", "y"], x, y);
    }

    /// <summary>A function on top and its derivative below, over the same x.</summary>
    private void Function(string name, string what, string title, string fLabel, string dfLabel, double[] x, double[] f, double[] df)
    {
        var (figure, top, bottom) = TwoRows();
        Decorate(top, title, "x", "f(x)");
        Line(top, x, f, fLabel, FColor);
        Legend(top, Alignment.UpperLeft);

        Decorate(bottom, "its derivative", "x", "f'(x)");
        Line(bottom, x, df, dfLabel, DfColor);
        Legend(bottom, Alignment.UpperLeft);

        Save(figure, name, what, ["x", "f", "df"], x, f, df);
    }

    /// <summary>Softplus with the sum of sigmoids it approximates, and both derivatives (softplus' is the sigmoid).</summary>
    private void Softplus(double[] x, double[] f, double[] df, double[] sum, double[] sumDf)
    {
        var (figure, top, bottom) = TwoRows();
        Decorate(top, "approximation of the sum of sigmoids: softplus", "x", "f(x)");
        Line(top, x, f, "softplus(x) = ln(1 + e^x)", FColor);
        Line(top, x, sum, "sum of sigmoids (100 offsets 0..9.8, / 10)", SumColor, LinePattern.Dashed);
        Legend(top, Alignment.UpperLeft);

        Decorate(bottom, "their derivatives", "x", "f'(x)");
        Line(bottom, x, df, "softplus'(x) = σ(x)", DfColor);
        Line(bottom, x, sumDf, "derivative of the sum of sigmoids", SumColor, LinePattern.Dashed);
        Legend(bottom, Alignment.UpperLeft);

        Save(figure, "softplus", "softplus over the sum of sigmoids, and their derivatives",
            ["x", "f", "df", "sum", "sum_df"], x, f, df, sum, sumDf);
    }

    /// <summary>σ'(x) against the derivative of the sum of sigmoids, on a linear and on a log scale.</summary>
    private void VanishingGradient(double[] x, double[] sigmoidDf, double[] sumDf)
    {
        var (figure, top, bottom) = TwoRows();
        Decorate(top, "vanishing gradient: σ'(x) against the sum of sigmoids' derivative", "x", "f'(x)");
        Line(top, x, sigmoidDf, "σ'(x): at most 0.25, below 0.007 for |x| ≥ 5", DfColor);
        Line(top, x, sumDf, "sum of sigmoids': 0.87 to 1 for x in 2..8", SumColor, LinePattern.Dashed);
        Legend(top, Alignment.UpperLeft);

        Decorate(bottom, "the same on a log scale: σ'(x) falls like e^-|x|", "x", "f'(x) (log scale)");
        Line(bottom, x, sigmoidDf.Select(Math.Log10).ToArray(), "σ'(x)", DfColor);
        Line(bottom, x, sumDf.Select(Math.Log10).ToArray(), "sum of sigmoids'", SumColor, LinePattern.Dashed);
        LogScaleY(bottom);
        Legend(bottom, Alignment.LowerCenter);

        Save(figure, "vanishing-gradient", "σ'(x) against the derivative of the sum of sigmoids",
            ["x", "sigmoid_df", "sum_df"], x, sigmoidDf, sumDf);
    }

    public void TrainingLoss(IReadOnlyList<Training.Run> runs, double noiseLoss)
    {
        var plot = NewPlot(
            $"training loss: 1 → {Training.Hidden} → 1 network, full-batch gradient descent (lr {Training.LearningRate.ToString(CultureInfo.InvariantCulture)})",
            "epoch", "mean squared error (log scale)");
        var epochs = Enumerable.Range(0, runs[0].Loss.Length).Select(e => (double)e).ToArray();
        foreach (var (run, color) in runs.Zip(RunColors()))
        {
            Line(plot, epochs, run.Loss.Select(Math.Log10).ToArray(), run.Name, color);
        }

        var floor = plot.Add.HorizontalLine(Math.Log10(noiseLoss), 1.5f, Colors.Gray, LinePattern.Dashed);
        floor.LegendText = string.Create(CultureInfo.InvariantCulture, $"loss of sin(x) itself: {noiseLoss:F4} (the noise)");
        LogScaleY(plot);
        Legend(plot, Alignment.UpperRight);

        string[] header = ["epoch", .. runs.Select(r => r.Name)];
        Save(plot, "training-loss", "training loss per epoch, log scale", header, [epochs, .. runs.Select(r => r.Loss)]);
    }

    public void TrainingFit(Training.Data data, IReadOnlyList<Training.Run> runs)
    {
        var plot = NewPlot($"fitted functions after {Training.Epochs} epochs", "x", "y");
        var dataX = Array.ConvertAll(data.X, v => (double)v);
        var dataY = Array.ConvertAll(data.Y, v => (double)v);
        var points = plot.Add.ScatterPoints(dataX, dataY, Colors.Black);
        points.MarkerSize = 5;
        points.LegendText = "data: sin(x) + noise (σ = 0.1)";

        var fitX = runs[0].FitX;
        var sine = fitX.Select(Math.Sin).ToArray();
        Line(plot, fitX, sine, "sin(x)", Colors.Gray, LinePattern.Dashed);
        foreach (var (run, color) in runs.Zip(RunColors()))
        {
            Line(plot, run.FitX, run.FitY, run.Name, color);
        }

        Legend(plot, Alignment.UpperLeft);
        string[] header = ["x", "sin", .. runs.Select(r => r.Name)];
        Save(plot, "training-fit", "the three fitted networks against the data", header, [fitX, sine, .. runs.Select(r => r.FitY)]);
        WriteCsv("training-data", "the noisy sine the networks were fitted to", ["x", "y"], [dataX, dataY]);
    }

    /// <summary>
    /// Null if text renders; otherwise what is wrong. Without a font SkiaSharp falls back to an empty typeface and
    /// every title, label and tick would be blank, so this draws a label and counts the pixels it inked.
    /// </summary>
    public static string? TextRenderingProblem()
    {
        // Prefer a sans-serif face for the figures when there is one.
        if (Fonts.GetTypeface("DejaVu Sans", false, false)?.FamilyName == "DejaVu Sans")
        {
            Fonts.Default = "DejaVu Sans";
        }

        var family = Fonts.Default;
        var typeface = Fonts.GetTypeface(family, false, false);
        var glyphs = typeface?.GlyphCount ?? 0;
        const string Sample = "sigmoid σ'(x) Σ → ≥ 0.25";
        var inked = 0;
        if (typeface is not null && glyphs > 0)
        {
            using var surface = SKSurface.Create(new SKImageInfo(320, 60));
            surface.Canvas.Clear(SKColors.White);
            using var font = new SKFont(typeface, 28);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            surface.Canvas.DrawText(Sample, 8, 42, font, paint);
            using var image = surface.Snapshot();
            using var bitmap = SKBitmap.FromImage(image);
            for (var y = 0; y < bitmap.Height; y++)
            {
                for (var x = 0; x < bitmap.Width; x++)
                {
                    if (bitmap.GetPixel(x, y).Red < 128)
                    {
                        inked++;
                    }
                }
            }
        }

        if (glyphs > 0 && inked >= 100 && typeface!.ContainsGlyphs(Sample))
        {
            return null;
        }

        var found = glyphs == 0
            ? string.IsNullOrEmpty(family) ? "no font was found" : $"no usable font was found (the font family '{family}' has no glyphs)"
            : inked < 100
                ? $"a test label drawn with the font family '{family}' left the image blank"
                : $"the font family '{family}' lacks glyphs the figures use (in \"{Sample}\")";
        return $"cannot render text in the plots: {found}, so titles, axis labels, ticks and legends would be blank or wrong. "
               + "SkiaSharp looks for fonts under /usr/share/fonts; install one, e.g. on Debian or Ubuntu: "
               + "apt-get install fonts-dejavu-core";
    }

    private static (double[] F, double[] Df) Fused(FusedKernel kernel, double[] x)
    {
        var f = new double[x.Length];
        var df = new double[x.Length];
        kernel(x, f, df);
        return (f, df);
    }

    /// <summary>
    /// f and f' on the grid and at each kink (an x where the definition changes piece). Where f or f' jumps at a
    /// kink, the kink gets two points, the left limit then the right one, so the jump is drawn as a vertical
    /// segment (the other curve, continuous there, has its value at the kink twice); elsewhere one point.
    /// </summary>
    private static (double[] X, double[] F, double[] Df) Sample(FusedKernel kernel, double[] grid, double[] kinks)
    {
        var points = grid.Union(kinks).Order().ToArray();
        var (f, df) = Fused(kernel, points);
        List<double> x = [], fx = [], dfx = [];
        for (var i = 0; i < points.Length; i++)
        {
            var (fLeft, fRight, dfLeft, dfRight) = (f[i], f[i], df[i], df[i]);
            if (kinks.Contains(points[i]))
            {
                var (fBelow, dfBelow) = Fused(kernel, [Math.BitDecrement(points[i])]);
                var (fAbove, dfAbove) = Fused(kernel, [Math.BitIncrement(points[i])]);
                (fLeft, fRight) = Limits(fBelow[0], f[i], fAbove[0]);
                (dfLeft, dfRight) = Limits(dfBelow[0], df[i], dfAbove[0]);
            }

            x.Add(points[i]);
            fx.Add(fLeft);
            dfx.Add(dfLeft);
            if (fLeft != fRight || dfLeft != dfRight)
            {
                x.Add(points[i]);
                fx.Add(fRight);
                dfx.Add(dfRight);
            }
        }

        return (x.ToArray(), fx.ToArray(), dfx.ToArray());
    }

    /// <summary>
    /// A curve's left and right limits at a kink, from its values at the doubles just below and just above the kink
    /// and at the kink itself. Across those two ulps a continuous curve moves by rounding only: both limits are then
    /// its value at the kink. A jump is a finite step: the value at the kink is the limit on the side it lies on
    /// (relu'(0) = 0 is the left one, hardswish'(-3) = -1/2 the right one), the neighbour on the other side the other.
    /// </summary>
    private static (double Left, double Right) Limits(double below, double at, double above)
    {
        if (Math.Abs(above - below) <= 1e-9 * Math.Max(1, Math.Abs(at)))
        {
            return (at, at);
        }

        return Math.Abs(at - below) <= Math.Abs(at - above) ? (at, above) : (below, at);
    }

    private static void Legend(Plot plot, Alignment alignment) => plot.ShowLegend(alignment).FontSize = 13;

    private static IEnumerable<Color> RunColors() => [Colors.C0, Colors.C1, Colors.C2, Colors.C3];

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        Decorate(plot, title, xLabel, yLabel);
        return plot;
    }

    private static void Decorate(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title, 16);
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
    }

    private static (Multiplot Figure, Plot Top, Plot Bottom) TwoRows()
    {
        var figure = new Multiplot();
        while (figure.Subplots.Count < 2)
        {
            figure.AddPlot();
        }

        figure.Layout = new ScottPlot.MultiplotLayouts.Rows();
        var top = figure.Subplots.GetPlot(0);
        var bottom = figure.Subplots.GetPlot(1);

        // The same padding in both rows keeps their x axes aligned whatever the width of the tick labels.
        var padding = new PixelPadding(left: 80, right: 25, bottom: 55, top: 40);
        top.Layout.Fixed(padding);
        bottom.Layout.Fixed(padding);
        figure.SharedAxes.ShareX([top, bottom]);
        return (figure, top, bottom);
    }

    private static void Line(Plot plot, double[] x, double[] y, string label, Color color, LinePattern? pattern = null)
    {
        var line = plot.Add.ScatterLine(x, y, color);
        line.LineWidth = 2;
        line.LegendText = label;
        if (pattern is { } p)
        {
            line.LinePattern = p;
        }
    }

    /// <summary>The plotted y values are log10 of the data: ticks at whole powers of ten, labelled as such.</summary>
    private static void LogScaleY(Plot plot)
    {
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = PowerOfTen,
        };
        plot.Grid.MinorLineWidth = 1;
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);
    }

    private static string PowerOfTen(double exponent)
    {
        var e = (int)Math.Round(exponent);
        return e switch
        {
            >= 0 and <= 4 => Math.Pow(10, e).ToString("0", CultureInfo.InvariantCulture),
            >= -3 and < 0 => Math.Pow(10, e).ToString("0.###", CultureInfo.InvariantCulture),
            _ => "1e" + e.ToString(CultureInfo.InvariantCulture),
        };
    }

    private void Save(Plot plot, string name, string what, string[] header, params double[][] columns)
    {
        var png = Path.Combine(outputDirectory, name + ".png");
        plot.SavePng(png, Width, SingleHeight);
        Report(png, $"{Width}×{SingleHeight}, {what}");
        WriteCsv(name, "the plotted numbers", header, columns);
    }

    private void Save(Multiplot figure, string name, string what, string[] header, params double[][] columns)
    {
        var png = Path.Combine(outputDirectory, name + ".png");
        figure.SavePng(png, Width, DoubleHeight);
        Report(png, $"{Width}×{DoubleHeight}, {what}");
        WriteCsv(name, "the plotted numbers", header, columns);
    }

    private void WriteCsv(string name, string what, string[] header, double[][] columns)
    {
        var csv = Path.Combine(outputDirectory, name + ".csv");
        var text = new StringBuilder();
        text.Append(string.Join(',', header)).Append('\n');
        for (var row = 0; row < columns[0].Length; row++)
        {
            text.Append(string.Join(',', columns.Select(c => c[row].ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        }

        File.WriteAllText(csv, text.ToString());
        Report(csv, what);
    }

    private static void Report(string path, string what) => Console.WriteLine($"  wrote {path}  ({what})");
}

/// <summary>destination[i] = f(x[i]) and derivative[i] = f'(x[i]) in one pass: the fused shape.</summary>
internal delegate void FusedKernel(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);
