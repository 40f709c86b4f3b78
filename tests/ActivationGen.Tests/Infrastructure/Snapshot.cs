using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions in the style of Verify: the text is compared with <c>Snapshots/&lt;name&gt;.verified.cs</c> in the
/// test project's source folder. A mismatch (or a missing snapshot) writes <c>&lt;name&gt;.received.cs</c> beside it and
/// fails with a line diff. Accepting is an explicit step: set <see cref="AcceptVariable"/> to <c>1</c> and run the
/// tests again; the verified files are then overwritten. Accepting never happens on a CI machine.
/// </summary>
public static class Snapshot
{
    /// <summary>Set to <c>1</c> (or <c>true</c>) to write the received text as the verified snapshot.</summary>
    public const string AcceptVariable = "ACTIVATIONGEN_ACCEPT_SNAPSHOTS";

    /// <summary>Set by CI systems; when it is set (to anything but <c>false</c> or <c>0</c>), snapshots are only compared.</summary>
    public const string CiVariable = "CI";

    public const string VerifiedExtension = ".verified.cs";
    public const string ReceivedExtension = ".received.cs";

    /// <summary>The most differing lines a failure message shows.</summary>
    public const int MaxDiffLines = 40;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The folder of the verified snapshots in the source tree (not the bin folder).</summary>
    public static string SnapshotDirectory => Path.Combine(ProjectDirectory(), "Snapshots");

    /// <summary>Compares <paramref name="actual"/> with the verified snapshot <paramref name="name"/>, or accepts it.</summary>
    public static void Match(string actual, string name) =>
        Match(actual, name, SnapshotDirectory, Environment.GetEnvironmentVariable);

    /// <summary>
    /// The same against a given folder and environment, so the helper itself can be tested without touching
    /// the real snapshots or the process environment.
    /// </summary>
    public static void Match(string actual, string name, string directory, Func<string, string?> environment)
    {
        ValidateName(name);
        var verifiedPath = Path.Combine(directory, name + VerifiedExtension);
        var receivedPath = Path.Combine(directory, name + ReceivedExtension);
        var received = Normalize(actual);

        if (ShouldAccept(environment))
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, received, Utf8NoBom);
            File.Delete(receivedPath);
            return;
        }

        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, received, Utf8NoBom);
        throw new XunitException(FailureMessage(name, verifiedPath, receivedPath, verified, received, environment));
    }

    /// <summary>
    /// Whether to accept: only when <see cref="AcceptVariable"/> asks for it and <see cref="CiVariable"/> does not say
    /// this is a CI run.
    /// </summary>
    public static bool ShouldAccept(Func<string, string?> environment) =>
        IsTrue(environment(AcceptVariable)) && !IsCi(environment);

    /// <summary>Whether the environment is a CI run: <c>CI</c> set to anything other than empty, <c>false</c> or <c>0</c>.</summary>
    public static bool IsCi(Func<string, string?> environment)
    {
        var value = environment(CiVariable)?.Trim();
        return !string.IsNullOrEmpty(value)
            && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)
            && value != "0";
    }

    /// <summary>Line endings as <c>\n</c>, so a checkout with CRLF compares equal.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>
    /// A line diff of two texts: the lines only in <paramref name="verified"/> as <c>-</c>, the lines only in
    /// <paramref name="received"/> as <c>+</c>, each with its line number in its own file, at most
    /// <paramref name="maxLines"/> of them.
    /// </summary>
    public static string Diff(string verified, string received, int maxLines = MaxDiffLines)
    {
        var edits = LineEdits(SplitLines(verified), SplitLines(received));
        var text = new StringBuilder();
        var shown = 0;
        foreach (var edit in edits)
        {
            if (shown == maxLines)
            {
                text.Append("… and ").Append(edits.Count - shown).Append(" more differing lines\n");
                break;
            }

            text.Append(edit.Sign).Append(' ').Append(edit.Line.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(5)).Append(':');
            if (edit.Text.Length > 0)
            {
                text.Append(' ').Append(edit.Text);
            }

            text.Append('\n');
            shown++;
        }

        return text.ToString();
    }

    private static string FailureMessage(string name, string verifiedPath, string receivedPath, string? verified, string received, Func<string, string?> environment)
    {
        var message = new StringBuilder();
        message.Append(verified is null
            ? $"Snapshot '{name}' has no verified file yet ({verifiedPath}).\n"
            : $"Snapshot '{name}' does not match {verifiedPath}.\n");
        message.Append("Received: ").Append(receivedPath).Append('\n');
        if (IsTrue(environment(AcceptVariable)))
        {
            message.Append(AcceptVariable).Append(" is ignored because ").Append(CiVariable).Append(" is set: snapshots are never accepted on CI.\n");
        }
        else
        {
            message.Append("If the change is intended, review the received file and run the tests again with ")
                .Append(AcceptVariable).Append("=1.\n");
        }

        message.Append("Diff (- verified, + received):\n");
        message.Append(Diff(verified ?? string.Empty, received));
        return message.ToString();
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Trim() == "1" || string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase));

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/') || name.Contains('\\'))
        {
            throw new ArgumentException($"'{name}' is not a valid snapshot name: it must be a plain file name.", nameof(name));
        }
    }

    private static string[] SplitLines(string text) =>
        text.Length == 0 ? Array.Empty<string>() : Normalize(text).Split('\n');

    /// <summary>The lines to delete and insert, in file order, from a longest common subsequence of the two line lists.</summary>
    private static List<(char Sign, int Line, string Text)> LineEdits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        var edits = new List<(char Sign, int Line, string Text)>();

        // A quadratic table is fine for source files; for huge inputs fall back to listing the whole middle part.
        if ((long)n * m > 25_000_000)
        {
            for (var i = 0; i < n; i++)
            {
                edits.Add(('-', prefix + i + 1, a[prefix + i]));
            }

            for (var j = 0; j < m; j++)
            {
                edits.Add(('+', prefix + j + 1, b[prefix + j]));
            }

            return edits;
        }

        // common[i, j]: the length of the longest common subsequence of a[prefix + i..] and b[prefix + j..] (middle part).
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                common[i, j] = a[prefix + i] == b[prefix + j]
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[prefix + x] == b[prefix + y])
            {
                x++;
                y++;
            }
            else if (y == m || (x < n && common[x + 1, y] >= common[x, y + 1]))
            {
                edits.Add(('-', prefix + x + 1, a[prefix + x]));
                x++;
            }
            else
            {
                edits.Add(('+', prefix + y + 1, b[prefix + y]));
                y++;
            }
        }

        return edits;
    }

    /// <summary>The test project's folder, from where this file was compiled.</summary>
    private static string ProjectDirectory([CallerFilePath] string thisFile = "")
    {
        // This file is <project>/Infrastructure/Snapshot.cs.
        var project = Path.GetDirectoryName(Path.GetDirectoryName(thisFile));
        if (string.IsNullOrEmpty(project) || !File.Exists(Path.Combine(project, "ActivationGen.Tests.csproj")))
        {
            throw new InvalidOperationException(
                $"Cannot find the test project's source folder from '{thisFile}'; snapshots are read from the source tree, " +
                "so the tests must be built from source with real paths (no PathMap).");
        }

        return project;
    }
}
