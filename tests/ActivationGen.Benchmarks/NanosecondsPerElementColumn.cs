using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ActivationGen.Benchmarks;

/// <summary>The median time of one call divided by N, in nanoseconds.</summary>
public sealed class NanosecondsPerElementColumn : IColumn
{
    public string Id => nameof(NanosecondsPerElementColumn);

    public string ColumnName => "ns/element";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 100;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Median time of one call divided by N, in nanoseconds";

    /// <summary>Only where some benchmark has an N (not in GeneratorCost's table).</summary>
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(b => b.Parameters["N"] is not null);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }

        if (benchmarkCase.Parameters["N"] is not { } size)
        {
            return "-";
        }

        var n = Convert.ToInt32(size, CultureInfo.InvariantCulture);
        return RatioTable.FormatNanoseconds(statistics.Median / n);
    }
}
