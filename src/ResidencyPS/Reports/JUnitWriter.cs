using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Reports;

/// <summary>
/// JUnit XML, as Jenkins, GitLab, Azure DevOps and GitHub test reporters read it (the Jenkins junit-4 schema): one test
/// suite per product and hosting region, one test case per result. A result that did not pass is a failure whose text is
/// its findings and the policy text's lines; a row that could not be evaluated is an error; a waived result passes, with
/// its waiver in the test case's output and as a property of its suite.
/// </summary>
internal static class JUnitWriter
{
    /// <summary>Writes the report to <paramref name="writer"/>.</summary>
    public static void Write(ReportData data, TextWriter writer) =>
        Write("EEA boundary: " + CiText.Safe(data.Policy.Vendor) + " policy " + CiText.Safe(data.Policy.PolicyVersion), data.Results, new[] { data }, data.GeneratedUtc, writer, vendorInNames: false);

    /// <summary>Writes a report of several vendors' results: each vendor's suites, named with the vendor.</summary>
    public static void WriteEstate(EstateData estate, TextWriter writer) =>
        Write("EEA boundary: " + CiText.Safe(string.Join(", ", estate.Parts.Select(p => p.Policy.Vendor))), estate.Results, estate.Parts, estate.GeneratedUtc, writer, vendorInNames: true);

    private static void Write(string name, IReadOnlyList<EeaBoundaryResult> all, IReadOnlyList<ReportData> parts, System.DateTime generatedUtc, TextWriter writer, bool vendorInNames)
    {
        // The declaration is written by hand: the file is UTF-8 whatever the TextWriter reports.
        writer.WriteLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, IndentChars = "  ", NewLineChars = "\n", CloseOutput = false };
        using var xml = XmlWriter.Create(writer, settings);
        var timestamp = IsoDate.UtcUnzoned(generatedUtc);
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("tests", Number(all.Count));
        xml.WriteAttributeString("failures", Number(all.Count(r => !r.Passed && r.Verdict != Verdict.NotEvaluated)));
        xml.WriteAttributeString("errors", Number(all.Count(r => r.Verdict == Verdict.NotEvaluated)));
        xml.WriteAttributeString("time", "0");
        var id = 0;
        foreach (var data in parts)
        {
            var p = data.Policy;
            // A suite per summary, in the summaries' one order (SummaryTable), so the CI page lists what the report lists.
            var suites = data.Results.ToLookup(r => (r.Product, r.HostingRegion));
            foreach (var summary in data.Summaries)
            {
                var results = suites[(summary.Product, summary.HostingRegion)].ToList();
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", (vendorInNames ? CiText.Safe(p.Vendor) + ": " : string.Empty) + CiText.Safe(summary.Product) + ", hosted in " + CiText.Safe(summary.HostingRegion));
                xml.WriteAttributeString("tests", Number(results.Count));
                xml.WriteAttributeString("failures", Number(results.Count(r => !r.Passed && r.Verdict != Verdict.NotEvaluated)));
                xml.WriteAttributeString("errors", Number(results.Count(r => r.Verdict == Verdict.NotEvaluated)));
                xml.WriteAttributeString("skipped", "0");
                xml.WriteAttributeString("time", "0");
                xml.WriteAttributeString("timestamp", timestamp);
                xml.WriteAttributeString("id", Number(id++));
                xml.WriteAttributeString("package", CiText.Safe(p.Vendor));
                xml.WriteStartElement("properties");
                Property(xml, "policy", p.Vendor + " " + p.PolicyVersion);
                Property(xml, "policySha256", p.Sha256);
                Property(xml, "usesIntegrations", results[0].UsesIntegrations ? "true" : "false");
                Property(xml, "customMailbox", results[0].CustomMailbox ? "true" : "false");
                foreach (var waived in results.Where(r => r.Waived))
                {
                    Property(xml, "waiver: " + CiText.Safe(waived.DataCategory) + CiText.Row(waived), CiText.Waiver(waived));
                }

                xml.WriteEndElement();
                foreach (var r in results)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("name", CiText.Safe(r.DataCategory) + CiText.Row(r));
                    xml.WriteAttributeString("classname", CiText.Safe(r.Product) + "." + CiText.Safe(r.HostingRegion));
                    xml.WriteAttributeString("time", "0");
                    if (r.Verdict == Verdict.NotEvaluated)
                    {
                        Problem(xml, "error", r);
                    }
                    else if (!r.Passed)
                    {
                        Problem(xml, "failure", r);
                    }
                    else
                    {
                        xml.WriteElementString("system-out", CiText.Explanation(r));
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }
        }

        xml.WriteEndElement();
        xml.Flush();
        writer.WriteLine();
    }

    private static void Problem(XmlWriter xml, string element, EeaBoundaryResult r)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("type", r.Verdict.ToString());
        xml.WriteAttributeString("message", CiText.Headline(r));
        xml.WriteString(CiText.Explanation(r));
        xml.WriteEndElement();
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", CiText.Safe(name));
        xml.WriteAttributeString("value", CiText.Safe(value));
        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
