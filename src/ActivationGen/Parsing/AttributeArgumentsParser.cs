using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ActivationGen.Diagnostics;
using ActivationGen.Kernels;
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
        var activation = Activations.ByMetadataName(attribute.AttributeClass!.ToDisplayString())!;
        var values = activation.Parameters.Select(p => p.Default).ToArray();
        bool derivative = false, fromOutput = false, valid = true;

        foreach (var argument in attribute.NamedArguments)
        {
            var value = argument.Value;
            if (value.Kind == TypedConstantKind.Error || value.Value is null)
            {
                return null;
            }

            var index = IndexOf(activation, argument.Key);
            switch (argument.Key, value.Value)
            {
                case ("Derivative", bool b):
                    derivative = b;
                    break;
                case ("FromOutput", bool b):
                    fromOutput = b;
                    break;
                case (_, double d) when index >= 0:
                    values[index] = d;
                    break;
                case (_, int i) when index >= 0:
                    values[index] = i;
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

        var spec = ActivationSpec.Create(activation, derivative, fromOutput, values);
        if (derivative && shape is MethodShape.Backward or MethodShape.Fused)
        {
            report(DiagnosticDescriptors.DerivativeOnGradientShape, ArgumentLocation(attribute, "Derivative", methodLocation), new object?[] { methodName, shape == MethodShape.Backward ? "backward" : "fused" });
            valid = false;
        }

        valid &= CheckParameters(attribute, spec, methodLocation, report);
        valid &= CheckFromOutput(attribute, spec, shape, methodName, methodLocation, report);
        return valid ? spec : null;
    }

    private static int IndexOf(Activation activation, string name)
    {
        for (var i = 0; i < activation.Parameters.Length; i++)
        {
            if (activation.Parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The activation's own checks, then every finite parameter that none of them pointed at within its accepted range
    /// (AGEN0013 naming the range; NaN and infinities are reported already).
    /// </summary>
    private static bool CheckParameters(AttributeData attribute, ActivationSpec spec, Location methodLocation, Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        var valid = true;
        var reported = new HashSet<string>();
        foreach (var problem in spec.Activation.Check(spec))
        {
            var at = problem.At.FirstOrDefault(name => HasArgument(attribute, name)) ?? problem.At[problem.At.Length - 1];
            report(problem.Descriptor, ArgumentLocation(attribute, at, methodLocation), problem.Arguments);
            reported.UnionWith(problem.At);
            valid = false;
        }

        foreach (var parameter in spec.Activation.Parameters)
        {
            var value = spec[parameter];
            if (parameter.Range is not { } range || reported.Contains(parameter.Name) || !IsFinite(value) || range.Accepts(value))
            {
                continue;
            }

            var problem = $"[{spec.Activation.Name}] accepts {range.Describe(parameter.Name)}: {range.Reason}; give it a value in that range";
            report(DiagnosticDescriptors.ParameterOutOfRange, ArgumentLocation(attribute, parameter.Name, methodLocation), new object?[] { parameter.Name, Format(value), problem });
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

        var problem = spec.Activation.FromOutputProblem(spec);
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
