using System;
using System.Collections.Generic;
using System.Linq;
using ActivationGen.Model;

namespace ActivationGen.Emit;

/// <summary>
/// Writes the implementation of one annotated method: the partial method itself (a one-line call into a span driver of
/// the helpers class, or straight into the operator) and a file-local operator struct that holds the kernel, with its
/// constants folded, rendered at every vector width. The user's method names everything with <c>global::</c>; the
/// operator, in ActivationGen.Generated, imports the namespaces it uses inside that namespace and calls the helpers by
/// their class (<c>ActivationHelpers.KeepNaN</c>), so no name of the user's can capture anything in either.
/// </summary>
internal static class MethodEmitter
{
    private const string OperatorNamespace = HelperCatalog.Namespace;

    private const string Helpers = "global::" + HelperCatalog.Namespace + "." + HelperCatalog.ClassName;

    private const string AggressiveInlining = "[MethodImpl(MethodImplOptions.AggressiveInlining)]";

    /// <summary>
    /// The helpers a method's file calls, with what they require: read from the emitted text itself (every
    /// <c>ActivationHelpers.Name</c>), so that neither a kernel nor a shape can forget to declare one.
    /// </summary>
    public static EquatableArray<string> RequiredHelpers(string text) =>
        HelperCatalog.WithRequirements(HelperCatalog.ReferencedBy(text));

    public static string Emit(MethodModel method)
    {
        var writer = new CodeWriter();
        DeclarationWriter.WriteFileHeader(writer, method.Declaration);
        WriteMethod(writer, method);
        writer.Line();
        WriteOperator(writer, method);
        return writer.ToString();
    }

    private static void WriteMethod(CodeWriter writer, MethodModel method)
    {
        var declaration = method.Declaration;
        using (DeclarationWriter.OpenContainers(writer, declaration))
        {
            // A partial method is documented by its implementing part when that has a doc comment, so the formula goes
            // into a doc comment only when the user wrote none; otherwise it is a plain comment and the user's docs stay.
            var prefix = declaration.HasDocumentation ? "// " : "/// ";
            writer.Line(prefix + "<remarks>");
            writer.Line(prefix + method.Activation.Activation.Describe(method.Activation));
            writer.Line(prefix + ShapeRemark(method));
            writer.Line(prefix + "</remarks>");

            // No [GeneratedCode] here: it would merge into the user's method and mark it as generated code, which
            // analyzers (ActivationGen's own, in the IDE) skip.
            DeclarationWriter.WriteSignature(writer, declaration);
            using (writer.Indent())
            {
                writer.Line("=> " + Body(method) + ";");
            }
        }
    }

    private static string ShapeRemark(MethodModel method)
    {
        var what = method.Activation.Derivative ? "f'" : "f";
        var p = method.Declaration.Parameters.Select(x => x.Text).ToArray();
        return method.Shape switch
        {
            MethodShape.Scalar => $"Returns {what}({p[0]}).",
            MethodShape.Span => $"Writes {what}({p[0]}[i]) to {p[1]}[i]; throws ArgumentException if {p[1]} is too short or partly overlaps {p[0]}.",
            MethodShape.InPlace => $"Replaces every value v of {p[0]} by {what}(v).",
            MethodShape.Backward when method.Activation.FromOutput => $"Writes {p[1]}[i]·f'(x) to {p[2]}[i], where {p[0]}[i] = f(x) is the forward result (f' is computed from it); throws ArgumentException on a length mismatch or a partial overlap.",
            MethodShape.Backward => $"Writes {p[1]}[i]·f'({p[0]}[i]) to {p[2]}[i]; throws ArgumentException on a length mismatch or a partial overlap.",
            MethodShape.Fused => $"Writes f({p[0]}[i]) to {p[1]}[i] and f'({p[0]}[i]) to {p[2]}[i] in one pass; throws ArgumentException if an output is too short or overlaps.",
            _ => $"Computes {what} on every lane of {p[0]}.",
        };
    }

    private static string ElementKeyword(MethodModel method) => method.Element.Keyword();

    private static string Body(MethodModel method)
    {
        var t = ElementKeyword(method);
        var op = "global::" + OperatorNamespace + "." + method.OperatorName;
        var loops = Helpers;
        var p = method.Declaration.Parameters.Select(x => x.Name).ToArray();

        // The parameter names as string literals, not nameof(...): a member of the user's type named 'nameof' would
        // capture the call.
        var n = method.Declaration.Parameters.Select(x => Literals.String(x.Text)).ToArray();
        return method.Shape switch
        {
            MethodShape.Scalar => $"{loops}.Scalar<{t}, {op}>({p[0]})",
            MethodShape.Span => $"{loops}.Map<{t}, {op}>({p[0]}, {p[1]}, {n[1]})",
            MethodShape.InPlace => $"{loops}.Map<{t}, {op}>({p[0]}, {p[0]}, {n[0]})",
            MethodShape.Backward => $"{loops}.Backward<{t}, {op}>({p[0]}, {p[1]}, {p[2]}, {n[1]}, {n[2]})",
            MethodShape.Fused => $"{loops}.Fused<{t}, {op}>({p[0]}, {p[1]}, {p[2]}, {n[1]}, {n[2]})",
            _ => $"{op}.Invoke({p[0]})",
        };
    }

    private static void WriteOperator(CodeWriter writer, MethodModel method)
    {
        var spec = method.Activation;
        var kernel = spec.Activation;
        var fused = method.Shape == MethodShape.Fused;
        var derivative = spec.Derivative || method.Shape == MethodShape.Backward;
        var t = ElementKeyword(method);
        var contract = fused ? "IFusedActivationOperator" : "IActivationOperator";

        var compute = kernel.ComputeType(spec, method.Element);
        var core = new CodeWriter(wrapLongLines: false);
        if (fused)
        {
            kernel.WriteFused(core, spec, method.Element, compute);
        }
        else if (spec.FromOutput)
        {
            kernel.WriteDerivativeFromOutput(core, spec, method.Element, compute);
        }
        else if (derivative)
        {
            kernel.WriteDerivative(core, spec, method.Element, compute);
        }
        else
        {
            kernel.WriteForward(core, spec, method.Element, compute);
        }

        var coreText = core.ToString().TrimEnd('\n');
        using (writer.Block("namespace " + OperatorNamespace))
        {
            writer.Line("using global::System.Runtime.CompilerServices;");
            writer.Line("using global::System.Runtime.Intrinsics;");
            writer.Line();
            WriteOperatorHeader(writer, method, compute, fused, derivative);
            writer.Line(GeneratorInfo.GeneratedCodeAttribute);
            using (writer.Block($"file readonly struct {method.OperatorName} : {HelperCatalog.ClassName}.{contract}<{t}>"))
            {
                var members = new CodeWriter(wrapLongLines: false);
                kernel.WriteMembers(members, spec);

                if (!kernel.PreferVector512For(spec))
                {
                    SeparateMember(members);
                    members.Line("/// <summary>Measured faster on 256-bit vectors, also where 512-bit ones are accelerated.</summary>");
                    members.Line("public static bool PreferVector512 => false;");
                    members.Line();
                }

                // Double lanes count as long for every kernel: their compensated quotients (and the widened float lanes
                // of SigmoidSum) spilled when unrolled (measured: double tanh, SiLU f', softplus and GELU tanh f up to 3.5×
                // slower under some stack alignments, no slower in one loop).
                if (kernel.IsLong(spec, derivative || fused) || compute == ElementType.Double)
                {
                    SeparateMember(members);
                    members.Line("/// <summary>A long kernel: the span loops inline it once, one vector per iteration.</summary>");
                    members.Line("public static bool Unroll => false;");
                    members.Line();
                }

                var memberText = members.ToString();
                if (memberText.Length > 0)
                {
                    writer.Lines(memberText.TrimEnd('\n'));
                    writer.Line();
                }

                // The NaN rule: on every output but a backward method's (the Backward driver applies it there) and
                // f where the kernel's statements already keep a NaN x.
                var forwardKeepsNaN = compute == method.Element && kernel.ForwardKeepsNaN(spec);
                var ruleOnValue = fused ? !forwardKeepsNaN : method.Shape != MethodShape.Backward && (derivative || !forwardKeepsNaN);
                foreach (var bits in Widths.All)
                {
                    WriteInvoke(writer, method.Element, compute, bits, fused, ruleOnValue);
                    writer.Line();
                }

                for (var i = 0; i < Widths.All.Length; i++)
                {
                    var bits = Widths.All[i];
                    var vd = Widths.VectorType(bits, compute.Keyword());
                    writer.Line(AggressiveInlining);
                    var input = spec.FromOutput ? "y" : "x";
                    using (writer.Block(fused ? $"private static {vd} Core({vd} x, out {vd} derivative)" : $"private static {vd} Core({vd} {input})"))
                    {
                        writer.Lines(Widths.RenderKernel(coreText, bits, compute.Keyword()));
                        if (fused)
                        {
                            writer.Line("derivative = dy;");
                        }

                        writer.Line(fused || !derivative ? "return y;" : "return dy;");
                    }

                    if (i < Widths.All.Length - 1)
                    {
                        writer.Line();
                    }
                }
            }
        }
    }

    /// <summary>A blank line before the next member, unless it is the first.</summary>
    private static void SeparateMember(CodeWriter members)
    {
        if (members.ToString().Length > 0 && !members.ToString().EndsWith("\n\n", StringComparison.Ordinal))
        {
            members.Line();
        }
    }

    /// <summary>
    /// The operator's header, in the style of the Regex generator's: what it computes for which method, then the
    /// activation's formula, its parameters and the method's shape.
    /// </summary>
    private static void WriteOperatorHeader(CodeWriter writer, MethodModel method, ElementType compute, bool fused, bool derivative)
    {
        var spec = method.Activation;
        var owner = string.Concat(method.Declaration.ContainingTypes.Select(c => c.Name + ".")).Replace("<", "{").Replace(">", "}");
        var what = fused ? "f and f'" : spec.FromOutput ? "f' from the output y = f(x)" : derivative ? "f'" : "f";
        writer.Line($"/// <summary>{what} of <c>{owner}{method.Declaration.Name}</c>, lane-wise, at every vector width.</summary>");
        writer.Line("/// <remarks>");
        writer.Line("/// Formula:<br/>");
        writer.Line("/// <code>" + spec.Activation.Describe(spec) + "</code><br/>");
        var parameters = ParameterLines(spec).ToList();
        if (parameters.Count > 0)
        {
            writer.Line("/// Parameters:<br/>");
            writer.Line("/// <code>");
            foreach (var parameter in parameters)
            {
                writer.Line("/// " + parameter + "<br/>");
            }

            writer.Line("/// </code>");
        }

        var lanes = compute == method.Element ? string.Empty : $" (computed in {compute.Keyword()} lanes)";
        var remark = ShapeRemark(method);
        writer.Line("/// Shape:<br/>");
        writer.Line($"/// <code>{method.Shape}, {method.Element.Keyword()}{lanes}: {char.ToLowerInvariant(remark[0])}{remark.Substring(1)}</code>");
        writer.Line("/// </remarks>");
    }

    /// <summary>The attribute's parameter values for the operator's header, one line each (<c>Alpha = 0.5</c>, defaults included).</summary>
    private static IEnumerable<string> ParameterLines(ActivationSpec spec) =>
        spec.Activation.Parameters.Select(p => p.Name + " = " + p.Display(spec[p]));

    /// <summary>
    /// The operator's entry point at one width: the core (on widened lanes where the kernel computes in double), then
    /// the NaN rule, in the element type: a NaN input comes back unchanged, bit for bit, whatever the core computed for
    /// it (the sign and payload of a NaN the arithmetic makes depend on operand order and instruction set). The rule is
    /// applied to the returned value where <paramref name="ruleOnValue"/> says so (not for a backward method, whose
    /// driver applies it to x and gradOutput together, nor for f where the kernel keeps NaN itself), and always to the
    /// fused derivative.
    /// </summary>
    private static void WriteInvoke(CodeWriter writer, ElementType element, ElementType compute, int bits, bool fused, bool ruleOnValue)
    {
        var vt = Widths.VectorType(bits, element.Keyword());
        var v = "Vector" + bits;
        static string KeepNaN(string value) => $"{HelperCatalog.ClassName}.KeepNaN(x, {value})";
        string Rule(string value) => ruleOnValue ? KeepNaN(value) : value;
        writer.Line(AggressiveInlining);
        var signature = fused ? $"public static {vt} Invoke({vt} x, out {vt} derivative)" : $"public static {vt} Invoke({vt} x)";
        if (element == compute && !fused)
        {
            writer.Line($"{signature} => {Rule("Core(x)")};");
            return;
        }

        using (writer.Block(signature))
        {
            if (element == compute)
            {
                writer.Line("var y = Core(x, out var dy);");
            }
            else
            {
                writer.Line($"var (lower, upper) = {v}.Widen(x);");
                if (!fused)
                {
                    writer.Line($"return {Rule($"{v}.Narrow(Core(lower), Core(upper))")};");
                    return;
                }

                writer.Line($"var y = {v}.Narrow(Core(lower, out var lowerDerivative), Core(upper, out var upperDerivative));");
                writer.Line($"var dy = {v}.Narrow(lowerDerivative, upperDerivative);");
            }

            writer.Line($"derivative = {KeepNaN("dy")};");
            writer.Line($"return {Rule("y")};");
        }
    }
}
