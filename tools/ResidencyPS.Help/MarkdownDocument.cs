using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ResidencyPS.Help;

/// <summary>
/// A help page as platyPS reads it: Markdig parses the markdown (CommonMark, with YAML front matter) and YamlDotNet
/// the front matter; this class keeps what help needs: the H1, H2 sections and their H3 subsections, each with the
/// source lines under it. Headings inside code blocks are code, as CommonMark says.
/// </summary>
public sealed class MarkdownDocument
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    /// <summary>Front matter keys and values.</summary>
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The H1 text.</summary>
    public string? Title { get; private set; }

    /// <summary>The H2 sections.</summary>
    public List<MarkdownSection> Sections { get; } = new();

    /// <summary>Parses markdown text.</summary>
    public static MarkdownDocument Parse(string text, string file)
    {
        text = text.Replace("\r\n", "\n");
        var lines = text.Split('\n');
        var doc = new MarkdownDocument();
        var parsed = Markdown.Parse(text, Pipeline);
        if (lines.Length > 0 && lines[0].Trim() == "---" && !parsed.OfType<YamlFrontMatterBlock>().Any())
        {
            throw new HelpFormatException(file, 1, "The front matter is not closed by '---'.");
        }

        MarkdownSection? section = null;
        MarkdownSection? sub = null;
        var bodyStart = 0;
        foreach (var block in parsed)
        {
            if (block is FencedCodeBlock { ClosingFencedCharCount: 0 })
            {
                throw new HelpFormatException(file, lines.Length, "A code block is not closed.");
            }

            if (block is YamlFrontMatterBlock yaml)
            {
                doc.ReadFrontMatter(yaml, file);
                bodyStart = yaml.Line + yaml.Lines.Count + 2;
                continue;
            }

            if (block is not HeadingBlock heading || heading.Level > 3 || (heading.Level == 1 && doc.Title != null) || (heading.Level == 3 && section == null))
            {
                continue;
            }

            (sub ?? section)?.Body.AddRange(lines[bodyStart..heading.Line]);
            bodyStart = heading.Line + 1;
            var title = lines[heading.Line].Trim().TrimStart('#').Trim();
            switch (heading.Level)
            {
                case 1:
                    doc.Title = title;
                    break;
                case 2:
                    section = new MarkdownSection(title, file, heading.Line + 1);
                    sub = null;
                    doc.Sections.Add(section);
                    break;
                default:
                    sub = new MarkdownSection(title, file, heading.Line + 1);
                    section!.Subsections.Add(sub);
                    break;
            }
        }

        (sub ?? section)?.Body.AddRange(lines[Math.Min(bodyStart, lines.Length)..]);
        return doc;
    }

    private void ReadFrontMatter(YamlFrontMatterBlock yaml, string file)
    {
        var text = string.Join("\n", yaml.Lines.Lines.Take(yaml.Lines.Count).Select(l => l.ToString()));
        try
        {
            var values = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string?>>(text) ?? new Dictionary<string, string?>();
            foreach (var pair in values)
            {
                Metadata[pair.Key] = pair.Value ?? string.Empty;
            }
        }
        catch (YamlException ex)
        {
            throw new HelpFormatException(file, yaml.Line + 1 + (int)ex.Start.Line, "The front matter is not valid YAML: " + ex.Message);
        }
    }
}

/// <summary>A heading with the lines under it (and, for H2, its H3 subsections).</summary>
public sealed class MarkdownSection(string title, string file, int line)
{
    /// <summary>The heading text.</summary>
    public string Title { get; } = title;

    /// <summary>The file.</summary>
    public string File { get; } = file;

    /// <summary>The heading's line.</summary>
    public int Line { get; } = line;

    /// <summary>The lines before the first subsection.</summary>
    public List<string> Body { get; } = new();

    /// <summary>H3 subsections.</summary>
    public List<MarkdownSection> Subsections { get; } = new();

    /// <summary>The paragraphs of the body, each joined into one line; code blocks are skipped.</summary>
    public List<string> Paragraphs() => Blocks().Where(b => b.Fence == null).Select(b => b.Text).ToList();

    /// <summary>
    /// Paragraphs (Fence null, lines joined by spaces; list items kept one per line) and fenced blocks (text verbatim),
    /// as Markdig reads the body: a fence is a fence by CommonMark's rules, and text blocks that touch (a list right
    /// under its lead-in sentence) read as one paragraph, as help text shows them.
    /// </summary>
    public IEnumerable<MarkdownBlock> Blocks()
    {
        var text = string.Join("\n", Body);
        var lines = new LineCursor(text);
        var paragraph = new List<string>();
        var lastLine = -2;
        foreach (var block in Markdown.Parse(text, Pipeline))
        {
            if (block is FencedCodeBlock fenced)
            {
                if (paragraph.Count > 0)
                {
                    yield return new MarkdownBlock(null, JoinParagraph(paragraph));
                    paragraph.Clear();
                }

                // An empty block has no line array at all.
                var code = fenced.Lines.Count == 0 ? Enumerable.Empty<string>() : fenced.Lines.Lines.Take(fenced.Lines.Count).Select(l => l.ToString().TrimEnd());
                yield return new MarkdownBlock(fenced.Info ?? string.Empty, string.Join("\n", code));
                lastLine = -2;
                continue;
            }

            var first = block.Line;
            var last = lines.LineOf(Math.Min(block.Span.End, text.Length - 1));
            if (paragraph.Count > 0 && first > lastLine + 1)
            {
                yield return new MarkdownBlock(null, JoinParagraph(paragraph));
                paragraph.Clear();
            }

            // The block's own lines; a blank line inside it (a loose list) still separates paragraphs.
            for (var i = first; i <= last && i < Body.Count; i++)
            {
                var line = Body[i].Trim();
                if (line.Length == 0)
                {
                    if (paragraph.Count > 0)
                    {
                        yield return new MarkdownBlock(null, JoinParagraph(paragraph));
                        paragraph.Clear();
                    }
                }
                else
                {
                    paragraph.Add(line);
                }
            }

            lastLine = last;
        }

        if (paragraph.Count > 0)
        {
            yield return new MarkdownBlock(null, JoinParagraph(paragraph));
        }
    }

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    // Blocks come in document order, so one forward scan finds the line of every block's end.
    private sealed class LineCursor(string text)
    {
        private int _offset;
        private int _line;

        /// <summary>The line (0-based) of the character at <paramref name="end"/>; a newline ends its own line.</summary>
        public int LineOf(int end)
        {
            for (; _offset < end && _offset < text.Length; _offset++)
            {
                if (text[_offset] == '\n')
                {
                    _line++;
                }
            }

            return _line;
        }
    }

    // List items stay on lines of their own; other lines of a paragraph are one flowing line.
    private static string JoinParagraph(List<string> lines) =>
        string.Join(string.Empty, lines.Select((l, i) => i == 0 ? l : (l.StartsWith("- ", StringComparison.Ordinal) ? "\n" : " ") + l));
}

/// <summary>A paragraph (no fence) or a fenced code block with its info string.</summary>
public sealed record MarkdownBlock(string? Fence, string Text);
