using System;
using System.Collections.Generic;
using System.Linq;
using ActivationGen.Model;

namespace ActivationGen.Emit;

/// <summary>Writes the namespace and containing type parts around a generated method, and the method's declaration line.</summary>
internal static class DeclarationWriter
{
    /// <summary>Opens the namespace and the partial containing types; disposing the result closes them.</summary>
    public static IDisposable OpenContainers(CodeWriter writer, MethodDeclaration declaration)
    {
        var scopes = new List<CodeWriter.Scope>();
        if (declaration.Namespace is not null)
        {
            scopes.Add(writer.Block("namespace " + declaration.Namespace));
        }

        foreach (var type in declaration.ContainingTypes)
        {
            scopes.Add(writer.Block($"partial {type.Keyword} {type.Name}"));
        }

        return new Containers(scopes);
    }

    /// <summary>The declaration line: modifiers, return type, name, type parameters, parameters (constraints follow, one per line).</summary>
    public static void WriteSignature(CodeWriter writer, MethodDeclaration declaration)
    {
        var parameters = string.Join(", ", declaration.Parameters.Select(p => (p.Modifiers + p.Type + " " + p.Name).TrimEnd()));
        writer.Line($"{declaration.Modifiers} {declaration.ReturnType} {declaration.Name}{declaration.TypeParameters}({parameters})");
        using (writer.Indent())
        {
            foreach (var constraint in declaration.Constraints)
            {
                writer.Line(constraint);
            }
        }
    }

    private sealed class Containers : IDisposable
    {
        private readonly List<CodeWriter.Scope> _scopes;

        public Containers(List<CodeWriter.Scope> scopes) => _scopes = scopes;

        public void Dispose()
        {
            for (var i = _scopes.Count - 1; i >= 0; i--)
            {
                _scopes[i].Dispose();
            }
        }
    }
}
