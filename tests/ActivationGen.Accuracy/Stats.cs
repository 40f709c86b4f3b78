using System;

namespace ActivationGen.Accuracy;

/// <summary>What one sweep found for one function (f or f'): merged from the per-thread partial results.</summary>
internal sealed class Stats
{
    /// <summary>The contract: at most 4 ULP from the exactly rounded result, i.e. at most 4.5 steps from the exact value.</summary>
    public const double ContractSteps = 4.5;

    /// <summary>Inputs seen.</summary>
    public long Inputs { get; private set; }

    // ---- results whose exact value is a normal float or larger: measured in ULP ---------------------------------

    public long Measured { get; private set; }

    /// <summary>Largest error in float steps from the double reference (see <see cref="UlpMeasure.Steps(float, double)"/>).</summary>
    public double MaxUlp { get; private set; } = -1;

    public float MaxUlpX { get; private set; }

    public float MaxUlpActual { get; private set; }

    public double MaxUlpExact { get; private set; }

    /// <summary>Largest integer ULP distance from the reference rounded to float.</summary>
    public long MaxRoundedUlp { get; private set; }

    /// <summary>Inputs whose result is not the reference rounded to float (not correctly rounded, up to near-half-way cases).</summary>
    public long NotRounded { get; private set; }

    /// <summary>The first (smallest bit pattern) of those.</summary>
    public float NotRoundedX { get; private set; }

    /// <summary>Inputs more than 1 ULP from the exact value.</summary>
    public long AboveOneUlp { get; private set; }

    /// <summary>Inputs more than 4 ULP from the exactly rounded value (more than 4.5 steps from the exact one).</summary>
    public long AboveContract { get; private set; }

    // ---- results whose exact value is below the smallest normal float: measured as an absolute error --------------

    public long BelowNormal { get; private set; }

    /// <summary>Largest |actual - exact| / MinNormal where |exact| &lt; MinNormal; the contract accepts up to 1.</summary>
    public double MaxBelowNormal { get; private set; } = -1;

    public float MaxBelowNormalX { get; private set; }

    /// <summary>Below-normal inputs whose absolute error exceeds the smallest normal float.</summary>
    public long BelowNormalViolations { get; private set; }

    // ---- NaN and infinity ------------------------------------------------------------------------------------

    /// <summary>NaN in without NaN out, NaN out of a non-NaN input, ±∞ in without the limit out, ±∞ out of a finite result.</summary>
    public long NanInfMismatches { get; private set; }

    public float FirstMismatchX { get; private set; }

    public float FirstMismatchActual { get; private set; }

    public double FirstMismatchExact { get; private set; }

    /// <summary>True when every input is within the contract.</summary>
    public bool WithinContract => AboveContract == 0 && BelowNormalViolations == 0 && NanInfMismatches == 0;

    public void Add(float x, float actual, double exact)
    {
        Inputs++;
        if (float.IsInfinity(actual) && double.IsFinite(exact) && (float)exact == actual)
        {
            // A finite exact value beyond the float range (Selu, Celu with a negative Alpha): ±∞ is its rounding.
            exact = actual;
        }

        var magnitude = Math.Abs(exact);
        if (magnitude >= UlpMeasure.MinNormal && magnitude <= double.MaxValue && float.IsFinite(actual))
        {
            // The common case: a finite result whose exact value is a normal float or larger.
            Measured++;
            var steps = UlpMeasure.Steps(actual, exact, out var rounded);
            if (steps > 1)
            {
                AboveOneUlp++;
                if (steps > ContractSteps)
                {
                    AboveContract++;
                }
            }

            if (rounded != 0)
            {
                if (NotRounded == 0 || Earlier(x, NotRoundedX))
                {
                    NotRoundedX = x;
                }

                NotRounded++;
                if (rounded > MaxRoundedUlp)
                {
                    MaxRoundedUlp = rounded;
                }
            }

            if (steps >= MaxUlp)
            {
                NewMaximum(x, actual, exact, steps);
            }

            return;
        }

        if (double.IsNaN(exact) || float.IsNaN(actual) || double.IsInfinity(exact) || float.IsInfinity(actual))
        {
            // Same NaN-ness, and an infinite exact value (only ±∞ inputs have one) met exactly.
            var same = double.IsNaN(exact) ? float.IsNaN(actual) : !float.IsNaN(actual) && actual == exact;
            if (!same)
            {
                Mismatch(x, actual, exact);
            }

            return;
        }

        BelowNormal++;
        var absolute = Math.Abs(actual - exact) / UlpMeasure.MinNormal;
        if (absolute > 1)
        {
            BelowNormalViolations++;
        }

        if (absolute > MaxBelowNormal || (absolute == MaxBelowNormal && Earlier(x, MaxBelowNormalX)))
        {
            MaxBelowNormal = absolute;
            MaxBelowNormalX = x;
        }
    }

    private void NewMaximum(float x, float actual, double exact, double steps)
    {
        if (steps > MaxUlp || Earlier(x, MaxUlpX))
        {
            MaxUlp = steps;
            MaxUlpX = x;
            MaxUlpActual = actual;
            MaxUlpExact = exact;
        }
    }

    public void Merge(Stats other)
    {
        Inputs += other.Inputs;
        Measured += other.Measured;
        AboveOneUlp += other.AboveOneUlp;
        AboveContract += other.AboveContract;
        MaxRoundedUlp = Math.Max(MaxRoundedUlp, other.MaxRoundedUlp);
        if (other.NotRounded > 0 && (NotRounded == 0 || Earlier(other.NotRoundedX, NotRoundedX)))
        {
            NotRoundedX = other.NotRoundedX;
        }

        NotRounded += other.NotRounded;
        if (other.MaxUlp > MaxUlp || (other.MaxUlp == MaxUlp && other.MaxUlp >= 0 && Earlier(other.MaxUlpX, MaxUlpX)))
        {
            MaxUlp = other.MaxUlp;
            MaxUlpX = other.MaxUlpX;
            MaxUlpActual = other.MaxUlpActual;
            MaxUlpExact = other.MaxUlpExact;
        }

        BelowNormal += other.BelowNormal;
        BelowNormalViolations += other.BelowNormalViolations;
        if (other.MaxBelowNormal > MaxBelowNormal
            || (other.MaxBelowNormal == MaxBelowNormal && other.MaxBelowNormal >= 0 && Earlier(other.MaxBelowNormalX, MaxBelowNormalX)))
        {
            MaxBelowNormal = other.MaxBelowNormal;
            MaxBelowNormalX = other.MaxBelowNormalX;
        }

        if (other.NanInfMismatches > 0 && (NanInfMismatches == 0 || Earlier(other.FirstMismatchX, FirstMismatchX)))
        {
            FirstMismatchX = other.FirstMismatchX;
            FirstMismatchActual = other.FirstMismatchActual;
            FirstMismatchExact = other.FirstMismatchExact;
        }

        NanInfMismatches += other.NanInfMismatches;
    }

    private void Mismatch(float x, float actual, double exact)
    {
        if (NanInfMismatches == 0 || Earlier(x, FirstMismatchX))
        {
            FirstMismatchX = x;
            FirstMismatchActual = actual;
            FirstMismatchExact = exact;
        }

        NanInfMismatches++;
    }

    /// <summary>Ties go to the smaller bit pattern, so the reported x does not depend on the thread schedule.</summary>
    private static bool Earlier(float a, float b) => BitConverter.SingleToUInt32Bits(a) < BitConverter.SingleToUInt32Bits(b);
}
