using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActivationGen.Accuracy;

/// <summary>The results as a text table, a markdown table and JSON.</summary>
internal static class Report
{
    private static readonly string[] Headers =
    [
        "function", "parameters", "", "max ULP", "at x", "x bits", "got", "exact", "max ULP (rounded)", "not rounded (first x)",
        "> 1 ULP", "> 4 ULP", "below normal: max |err|/MinNormal", "NaN/inf mismatches", "inputs", "time (f and f')", "CPU time",
    ];

    public static string Text(IReadOnlyList<CaseResult> results)
    {
        var rows = Rows(results).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine(string.Join("  ", Headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            sb.AppendLine(string.Join("  ", row.Select((c, i) => i >= 3 && i != 4 && i != 5 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        }

        return sb.ToString();
    }

    public static string Markdown(IReadOnlyList<CaseResult> results, string mode)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# ActivationGen float accuracy sweep");
        sb.AppendLine();
        sb.AppendLine(Environment(mode));
        sb.AppendLine();
        sb.AppendLine("| activation | parameters | f: max ULP | f': max ULP | inputs > 1 ULP (f, f') | within contract | time |");
        sb.AppendLine("|---|---|---:|---:|---:|---|---:|");
        foreach (var r in results)
        {
            var within = r.F.WithinContract && r.Derivative.WithinContract ? "yes" : "**no**";
            sb.AppendLine(
                $"| {r.Case.Name} | {r.Case.Parameters} | {Ulp(r.F)} | {Ulp(r.Derivative)} | " +
                $"{r.F.AboveOneUlp.ToString("N0", CultureInfo.InvariantCulture)}, {r.Derivative.AboveOneUlp.ToString("N0", CultureInfo.InvariantCulture)} | " +
                $"{within} | {r.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s |");
        }

        sb.AppendLine();
        sb.AppendLine("| " + string.Join(" | ", Headers.Select(h => h.Length == 0 ? "f/f'" : Cell(h))) + " |");
        sb.AppendLine("|" + string.Concat(Headers.Select((_, i) => i >= 3 && i != 4 && i != 5 && i != 6 && i != 7 ? "---:|" : "---|")));
        foreach (var row in Rows(results))
        {
            sb.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
        }

        sb.AppendLine();
        sb.AppendLine("max ULP: largest distance, in float steps, between the result and the double reference (fractional; " +
                      "\"at most 4 ULP from the exactly rounded result\" is \"at most 4.5 steps from the exact value\"). " +
                      "max ULP (rounded): largest integer distance from the reference rounded to float; not rounded: how many results " +
                      "differ from it (the first x in parentheses), i.e. are not correctly rounded, except that where the exact value is within " +
                      "~1e-13 relative of the midpoint between two floats the reference's own rounding can go either way. " +
                      "> 1 ULP / > 4 ULP: inputs more than 1 step from the exact value / more than 4 ULP from the exactly rounded one. " +
                      "Results whose exact value is below the smallest normal float are not in these columns: for them the " +
                      "contract accepts an absolute error up to MinNormal = 2^-126, and the column gives the largest one in units of MinNormal.");
        return sb.ToString();
    }

    public static void Json(IReadOnlyList<CaseResult> results, string mode, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("mode", mode);
        w.WriteString("environment", Environment(mode));
        w.WriteStartArray("results");
        foreach (var r in results)
        {
            foreach (var (kind, s) in new[] { ("f", r.F), ("f'", r.Derivative) })
            {
                w.WriteStartObject();
                w.WriteString("function", r.Case.Name);
                w.WriteString("parameters", r.Case.Parameters);
                w.WriteString("label", r.Case.Label);
                w.WriteString("kind", kind);
                w.WriteNumber("inputs", s.Inputs);
                w.WriteNumber("measured", s.Measured);
                w.WriteNumber("maxUlp", Math.Max(s.MaxUlp, 0));
                w.WriteString("maxUlpX", Float(s.MaxUlpX));
                w.WriteString("maxUlpXBits", Bits(s.MaxUlpX));
                w.WriteString("maxUlpActual", Float(s.MaxUlpActual));
                w.WriteString("maxUlpExact", Double(s.MaxUlpExact));
                w.WriteNumber("maxRoundedUlp", s.MaxRoundedUlp);
                w.WriteNumber("notRounded", s.NotRounded);
                w.WriteString("notRoundedX", s.NotRounded == 0 ? string.Empty : Float(s.NotRoundedX));
                w.WriteNumber("aboveOneUlp", s.AboveOneUlp);
                w.WriteNumber("aboveContract", s.AboveContract);
                w.WriteNumber("belowNormal", s.BelowNormal);
                w.WriteNumber("maxBelowNormal", Math.Max(s.MaxBelowNormal, 0));
                w.WriteString("maxBelowNormalX", Float(s.MaxBelowNormalX));
                w.WriteNumber("belowNormalViolations", s.BelowNormalViolations);
                w.WriteNumber("nanInfMismatches", s.NanInfMismatches);
                w.WriteString("firstMismatchX", s.NanInfMismatches == 0 ? string.Empty : Float(s.FirstMismatchX));
                w.WriteString("firstMismatchActual", s.NanInfMismatches == 0 ? string.Empty : Float(s.FirstMismatchActual));
                w.WriteString("firstMismatchExact", s.NanInfMismatches == 0 ? string.Empty : Double(s.FirstMismatchExact));
                w.WriteBoolean("withinContract", s.WithinContract);
                w.WriteNumber("seconds", Math.Round(r.Elapsed.TotalSeconds, 2));
                w.WriteNumber("cpuSeconds", Math.Round(r.Cpu.TotalSeconds, 2));
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string Environment(string mode) =>
        $"Inputs: {mode}. Generated span shape `void M(ReadOnlySpan<float> x, Span<float> destination)` against a scalar double reference. " +
        $".NET {System.Environment.Version}, {System.Environment.ProcessorCount} cores, " +
        $"Vector512 {Accelerated(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)}, " +
        $"Vector256 {Accelerated(System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)}, " +
        $"Vector128 {Accelerated(System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)}.";

    private static string Accelerated(bool value) => value ? "accelerated" : "not accelerated";

    private static IEnumerable<string[]> Rows(IReadOnlyList<CaseResult> results)
    {
        foreach (var r in results)
        {
            foreach (var (kind, s) in new[] { ("f", r.F), ("f'", r.Derivative) })
            {
                var measured = s.Measured > 0;
                yield return
                [
                    r.Case.Name,
                    r.Case.Parameters,
                    kind,
                    measured ? s.MaxUlp.ToString("0.000", CultureInfo.InvariantCulture) : "-",
                    measured ? Float(s.MaxUlpX) : "-",
                    measured ? Bits(s.MaxUlpX) : "-",
                    measured ? Float(s.MaxUlpActual) : "-",
                    measured ? Double(s.MaxUlpExact) : "-",
                    measured ? s.MaxRoundedUlp.ToString(CultureInfo.InvariantCulture) : "-",
                    s.NotRounded == 0 ? "0" : $"{s.NotRounded.ToString("N0", CultureInfo.InvariantCulture)} ({Float(s.NotRoundedX)})",
                    s.AboveOneUlp.ToString("N0", CultureInfo.InvariantCulture),
                    s.AboveContract.ToString("N0", CultureInfo.InvariantCulture),
                    s.BelowNormal > 0
                        ? s.MaxBelowNormal.ToString("0.###E+0", CultureInfo.InvariantCulture) + (s.BelowNormalViolations > 0 ? $" ({s.BelowNormalViolations:N0} > 1)" : string.Empty)
                        : "-",
                    s.NanInfMismatches == 0
                        ? "0"
                        : $"{s.NanInfMismatches:N0} (x = {Float(s.FirstMismatchX)}: got {Float(s.FirstMismatchActual)}, expected {Double(s.FirstMismatchExact)})",
                    s.Inputs.ToString("N0", CultureInfo.InvariantCulture),
                    r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
                    r.Cpu.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
                ];
            }
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Ulp(Stats s) => s.Measured > 0 ? s.MaxUlp.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    public static string Float(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Bits(float value) => "0x" + BitConverter.SingleToUInt32Bits(value).ToString("X8", CultureInfo.InvariantCulture);

    public static void WriteFile(string path, string text)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(path, text);
    }
}
