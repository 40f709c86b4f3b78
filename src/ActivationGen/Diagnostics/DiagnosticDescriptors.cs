using System.Linq;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Diagnostics;

/// <summary>The catalogue of every diagnostic ActivationGen reports. Ids are stable; see the README's diagnostics table.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ActivationGen";

    public static readonly DiagnosticDescriptor NotPartial = Create(
        "AGEN0001",
        "Activation method must be partial",
        "Method '{0}' must be a partial method declared in partial types: add 'partial' to {1}",
        "An activation attribute goes on a partial method without a body, in a partial type; every containing type must be partial too.");

    public static readonly DiagnosticDescriptor HasBody = Create(
        "AGEN0002",
        "Activation method already has a body",
        "Method '{0}' already has an implementation: remove {1}, ActivationGen writes it",
        "ActivationGen implements the method; a partial method with an implementation of its own cannot be generated.");

    public static readonly DiagnosticDescriptor GenericMethod = Create(
        "AGEN0003",
        "Activation method must not be generic",
        "Method '{0}' must not have type parameters: declare one method for float and one for double",
        "The generated code is specialized for one element type, so the method cannot be generic.");

    public static readonly DiagnosticDescriptor UnsupportedSignature = Create(
        "AGEN0004",
        "Unsupported activation method signature",
        "Method '{0}' has a signature ActivationGen cannot implement: {1}; use one of: T M(T x); void M(ReadOnlySpan<T> x, Span<T> destination); void M(Span<T> values); void M(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput); void M(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative); Vector128<T> M(Vector128<T> x) (or Vector256/Vector512) — with T float or double and no ref, out or in parameters",
        "The types and order of the parameters and the return type select one of six shapes.");

    public static readonly DiagnosticDescriptor MixedElementTypes = Create(
        "AGEN0005",
        "Activation method mixes float and double",
        "Method '{0}' mixes float and double ({1}): use the same element type for every parameter and the return value",
        "One method computes in one element type throughout.");

    public static readonly DiagnosticDescriptor MultipleActivations = Create(
        "AGEN0006",
        "More than one activation attribute",
        "Method '{0}' has more than one activation attribute ({1}): keep one, and declare another method for the other activation",
        "A method implements exactly one activation function.");

    public static readonly DiagnosticDescriptor DerivativeOnGradientShape = Create(
        "AGEN0007",
        "Derivative = true on a backward or fused method",
        "Method '{0}' already computes the derivative ({1} shape): remove 'Derivative = true'",
        "The backward and fused shapes compute the derivative by themselves; Derivative = true is only for the other shapes.");

    public static readonly DiagnosticDescriptor NonFiniteParameter = Create(
        "AGEN0008",
        "Activation parameter is not finite",
        "'{0}' is {1}: give it a finite value",
        "Alpha, Offset, From, To, Scale, NegativeSlope, Beta, Min and Max are baked into the generated code and must be finite numbers.");

    public static readonly DiagnosticDescriptor CountOutOfRange = Create(
        "AGEN0009",
        "SigmoidSum Count out of range",
        "Count is {0}: it must be between 1 and {1}",
        "SigmoidSum sums Count shifted sigmoids; Count must be at least 1 and at most the documented maximum.");

    public static readonly DiagnosticDescriptor FromGreaterThanTo = Create(
        "AGEN0010",
        "SigmoidSum From is greater than To",
        "From ({0}) is greater than To ({1}): swap them or change one",
        "The SigmoidSum offsets run from From up to To.");

    public static readonly DiagnosticDescriptor UnsupportedTargetFramework = Create(
        "AGEN0011",
        "Target framework too old for ActivationGen",
        "Method '{0}' cannot be generated for this target: {1}; ActivationGen needs .NET 9 or later and C# 11 or later",
        "The generated kernels use the portable SIMD APIs of .NET 9 and later (System.Runtime.Intrinsics.Vector512, Vector128.FusedMultiplyAdd) and C# 11. A library that also targets older frameworks declares its activation methods under #if NET9_0_OR_GREATER.");

    public static readonly DiagnosticDescriptor UnsupportedContainingType = Create(
        "AGEN0012",
        "Activation method in an unsupported type",
        "Method '{0}' is declared in {1}: declare it in a partial class, struct or record that is not file-local",
        "Activation methods are generated into another part of their type, so the type must be a class, struct or record (not an interface or an extension block) and not file-local.");

    public static readonly DiagnosticDescriptor ParameterOutOfRange = Create(
        "AGEN0013",
        "Activation parameter out of range",
        "'{0}' is {1}: {2}",
        "Each double parameter has an accepted range, where the generated kernels keep their accuracy (the README lists them); a parameter that a formula divides by must not be 0; an enum parameter must be one of its named values.");

    public static readonly DiagnosticDescriptor MinNotLessThanMax = Create(
        "AGEN0014",
        "HardTanh Min is not less than Max",
        "Min ({0}) is not less than Max ({1}): HardTanh clamps x to [Min, Max], so Min must be less than Max",
        "HardTanh's Min and Max are the two ends of an interval.");

    public static readonly DiagnosticDescriptor FromOutputUnsupported = Create(
        "AGEN0015",
        "FromOutput = true is not supported here",
        "FromOutput = true {0}: it is supported on the backward shape void M(ReadOnlySpan<T> y, ReadOnlySpan<T> gradOutput, Span<T> gradInput) by " + Kernels.Activations.FromOutputSupport + "; remove it",
        "The derivative can be computed from the forward result only where f can be inverted well enough, and only the backward shape takes that result as input.");

    public static readonly DiagnosticDescriptor UnsupportedInDefinition = Create(
        "AGEN0016",
        "Unsupported construct in an activation definition",
        "{0} is not supported in activation definition '{1}': {2}",
        "An [Activation] definition is a static method double F(double x) or float F(float x) whose body is one expression (or local declarations and one return) built from the parameter, constants, arithmetic, comparisons in c ? a : b, a few Math functions, Fn.Sigmoid, Fn.Softplus, Fn.Erf, Fn.Erfc and other definitions; the README lists them.");

    public static readonly DiagnosticDescriptor DefinitionNotFound = Create(
        "AGEN0017",
        "Activation definition not found",
        "[Activation] names '{0}', which is not an activation definition: {1}",
        "[Activation(nameof(F))] names a static method double F(double x) or float F(float x) of the method's type or a containing type; [Activation(typeof(T), nameof(T.F))] one of type T in the same compilation.");

    public static readonly DiagnosticDescriptor DefinitionInDoubleLanes = new(
        "AGEN0019",
        "Activation definition computed in double lanes for float",
        "The float kernels of activation definition '{0}' compute in double lanes ({1}): they keep the accuracy of double arithmetic, at about half the speed of float lanes",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        "A float kernel of an [Activation] definition computes in float lanes where the definition keeps its accuracy there; where an intermediate overflows float, or float digits do not survive the formula, or a function has no float helper (Fn.Erf, Fn.Erfc), it computes in double lanes instead.");

    public static readonly DiagnosticDescriptor CannotImplement = Create(
        "AGEN0018",
        "Activation attribute on a method ActivationGen cannot implement",
        "Method '{0}' {1}, so ActivationGen cannot give it a body: {2}",
        "ActivationGen writes the body of a partial method; an abstract method or an explicit interface implementation cannot be such a method.");

    /// <summary>Every descriptor, by id.</summary>
    private static readonly System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> All =
        new DiagnosticDescriptor[]
        {
            NotPartial, HasBody, GenericMethod, UnsupportedSignature, MixedElementTypes, MultipleActivations, DerivativeOnGradientShape,
            NonFiniteParameter, CountOutOfRange, FromGreaterThanTo, UnsupportedTargetFramework, UnsupportedContainingType,
            ParameterOutOfRange, MinNotLessThanMax, FromOutputUnsupported, UnsupportedInDefinition, DefinitionNotFound, CannotImplement, DefinitionInDoubleLanes,
        }.ToDictionary(d => d.Id);

    public static System.Collections.Generic.IEnumerable<DiagnosticDescriptor> Descriptors => All.Values;

    public static DiagnosticDescriptor ById(string id) => All[id];


    /// <summary>
    /// An error, configurable like any analyzer diagnostic (no NotConfigurable tag: the compiler would stop before binding
    /// method bodies and running analyzers). Each id has a section of its own in the README, anchored by the id.
    /// </summary>
    private static DiagnosticDescriptor Create(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description);
}
