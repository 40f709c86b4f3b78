using System;
using System.Globalization;
using System.Linq;
using ActivationGen.Diagnostics;
using ActivationGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.Parsing;

/// <summary>Reads an activation attribute's named arguments into an <see cref="ActivationSpec"/> and checks them.</summary>
internal static class AttributeArgumentsParser
{
    /// <summary>Returns the spec, or null when an argument does not bind (the compiler reports that) or is invalid.</summary>
    /// <param name="shape">The method's shape, or null when its signature has none (the checks that depend on it are skipped).</param>
    public static ActivationSpec? Parse(
        AttributeData attribute,
        MethodShape? shape,
        string methodName,
        Location methodLocation,
        Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        var kind = (ActivationKind)MethodParser.AttributeMetadataNames.IndexOf(attribute.AttributeClass!.ToDisplayString());
        var spec = new ActivationSpec(kind, Derivative: false);
        var valid = true;

        foreach (var argument in attribute.NamedArguments)
        {
            var value = argument.Value;
            if (value.Kind == TypedConstantKind.Error || value.Value is null)
            {
                return null;
            }

            switch (argument.Key, value.Value)
            {
                case ("Derivative", bool b):
                    spec = spec with { Derivative = b };
                    break;
                case ("Count", int i):
                    spec = spec with { Count = i };
                    break;
                case ("Offset", double d):
                    spec = spec with { Offset = d };
                    break;
                case ("From", double d):
                    spec = spec with { From = d };
                    break;
                case ("To", double d):
                    spec = spec with { To = d };
                    break;
                case ("Scale", double d):
                    spec = spec with { Scale = d };
                    break;
                case ("Alpha", double d):
                    spec = spec with { Alpha = d };
                    break;
                case ("NegativeSlope", double d):
                    spec = spec with { NegativeSlope = d };
                    break;
                case ("Beta", double d):
                    spec = spec with { Beta = d };
                    break;
                case ("Min", double d):
                    spec = spec with { Min = d };
                    break;
                case ("Max", double d):
                    spec = spec with { Max = d };
                    break;
                case ("Approximate", int i):
                    spec = spec with { Approximate = (GeluApproximation)i };
                    break;
                case ("FromOutput", bool b):
                    spec = spec with { FromOutput = b };
                    break;
                default:
                    return null;
            }

            if (value.Value is double number && !IsFinite(number))
            {
                report(DiagnosticDescriptors.NonFiniteParameter, ArgumentLocation(attribute, argument.Key, methodLocation), new object?[] { argument.Key, Describe(number) });
                valid = false;
            }
        }

        if (spec.Derivative && shape is MethodShape.Backward or MethodShape.Fused)
        {
            report(DiagnosticDescriptors.DerivativeOnGradientShape, ArgumentLocation(attribute, "Derivative", methodLocation), new object?[] { methodName, shape == MethodShape.Backward ? "backward" : "fused" });
            valid = false;
        }

        if (kind == ActivationKind.SigmoidSum)
        {
            if (spec.Count < 1 || spec.Count > ActivationSpec.MaxSigmoidSumCount)
            {
                report(DiagnosticDescriptors.CountOutOfRange, ArgumentLocation(attribute, "Count", methodLocation), new object?[] { spec.Count, ActivationSpec.MaxSigmoidSumCount });
                valid = false;
            }

            // NaN and infinities are reported above; comparing them would only add a second, misleading error.
            if (spec.From > spec.To && IsFinite(spec.From) && IsFinite(spec.To))
            {
                var location = HasArgument(attribute, "From") ? ArgumentLocation(attribute, "From", methodLocation) : ArgumentLocation(attribute, "To", methodLocation);
                report(DiagnosticDescriptors.FromGreaterThanTo, location, new object?[] { Format(spec.From), Format(spec.To) });
                valid = false;
            }
        }

        valid &= CheckParameters(attribute, spec, methodLocation, report);
        valid &= CheckFromOutput(attribute, spec, shape, methodName, methodLocation, report);
        return valid ? spec : null;
    }

    /// <summary>The parameter rules of the catalog's attributes (NaN and infinities are reported already).</summary>
    private static bool CheckParameters(AttributeData attribute, ActivationSpec spec, Location methodLocation, Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        switch (spec.Kind)
        {
            case ActivationKind.Celu when spec.Alpha == 0:
                report(DiagnosticDescriptors.ParameterOutOfRange, ArgumentLocation(attribute, "Alpha", methodLocation), new object?[] { "Alpha", "0", "Celu divides x by Alpha, give it a nonzero value" });
                return false;
            case ActivationKind.Softplus when spec.Beta == 0:
                report(DiagnosticDescriptors.ParameterOutOfRange, ArgumentLocation(attribute, "Beta", methodLocation), new object?[] { "Beta", "0", "Softplus divides by Beta, give it a nonzero value" });
                return false;
            case ActivationKind.Gelu when spec.Approximate is not (GeluApproximation.None or GeluApproximation.Tanh):
                report(DiagnosticDescriptors.ParameterOutOfRange, ArgumentLocation(attribute, "Approximate", methodLocation), new object?[] { "Approximate", ((int)spec.Approximate).ToString(CultureInfo.InvariantCulture), "use GeluApproximation.None or GeluApproximation.Tanh" });
                return false;
            case ActivationKind.HardTanh when spec.Min >= spec.Max && IsFinite(spec.Min) && IsFinite(spec.Max):
                var location = HasArgument(attribute, "Min") ? ArgumentLocation(attribute, "Min", methodLocation) : ArgumentLocation(attribute, "Max", methodLocation);
                report(DiagnosticDescriptors.MinNotLessThanMax, location, new object?[] { Format(spec.Min), Format(spec.Max) });
                return false;
            default:
                return CheckRanges(attribute, spec, methodLocation, report);
        }
    }

    /// <summary>Every finite parameter within its accepted range (<see cref="ParameterRanges"/>), else AGEN0013 naming the range.</summary>
    private static bool CheckRanges(AttributeData attribute, ActivationSpec spec, Location methodLocation, Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        var valid = true;
        foreach (var range in ParameterRanges.All)
        {
            var value = range.Read(spec);
            if (range.Kind != spec.Kind || !IsFinite(value) || range.Accepts(value))
            {
                continue;
            }

            var problem = $"[{spec.Kind}] accepts {range.Describe()}: {range.Reason}; give it a value in that range";
            report(DiagnosticDescriptors.ParameterOutOfRange, ArgumentLocation(attribute, range.Name, methodLocation), new object?[] { range.Name, Format(value), problem });
            valid = false;
        }

        return valid;
    }

    /// <summary>FromOutput = true needs the backward shape and an activation whose derivative follows from its result.</summary>
    private static bool CheckFromOutput(AttributeData attribute, ActivationSpec spec, MethodShape? shape, string methodName, Location methodLocation, Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        if (!spec.FromOutput)
        {
            return true;
        }

        var name = "[" + spec.Kind + "]";
        string? problem = spec.Kind switch
        {
            ActivationKind.Sigmoid or ActivationKind.Tanh or ActivationKind.Relu or ActivationKind.Selu or ActivationKind.Softplus
                or ActivationKind.Softsign or ActivationKind.HardTanh or ActivationKind.HardSigmoid => null,
            ActivationKind.LeakyRelu when spec.NegativeSlope > 0 => null,
            ActivationKind.LeakyRelu => $"is not supported by {name} with NegativeSlope = {Format(spec.NegativeSlope)} (the output does not tell the sign of x)",
            ActivationKind.Elu or ActivationKind.Celu when spec.Alpha >= 0 => null,
            ActivationKind.Elu or ActivationKind.Celu => $"is not supported by {name} with Alpha = {Format(spec.Alpha)} (the output does not tell the sign of x)",
            _ => $"is not supported by {name}",
        };

        if (problem is null && shape is not (null or MethodShape.Backward))
        {
            problem = $"needs the backward shape, and '{methodName}' is not a backward method";
        }

        if (problem is null)
        {
            return true;
        }

        report(DiagnosticDescriptors.FromOutputUnsupported, ArgumentLocation(attribute, "FromOutput", methodLocation), new object?[] { problem });
        return false;
    }

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    private static bool HasArgument(AttributeData attribute, string name) =>
        attribute.NamedArguments.Any(a => a.Key == name);

    private static string Describe(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "positive infinity" : "negative infinity";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The location of the named argument <paramref name="name"/>, else of the attribute, else of the method.</summary>
    private static Location ArgumentLocation(AttributeData attribute, string name, Location fallback)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax)
        {
            return fallback;
        }

        var argument = syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return (argument ?? (SyntaxNode)syntax).GetLocation();
    }
}
