using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Newtonsoft.Json;

namespace ResidencyPS.Engine
{
    /// <summary>Reads policy JSON into a validated <see cref="ResidencyPolicy"/>.</summary>
    public static class PolicyLoader
    {
        /// <summary>The deepest nesting a policy file may have; the format itself needs four levels.</summary>
        public const int MaxDepth = 16;

        internal const string EmbeddedResourceName = "ResidencyPS.Data.freshworks.policy.json";

        /// <summary>Loads the policy embedded in the module (the Freshworks data-hosting policy).</summary>
        public static ResidencyPolicy LoadEmbedded()
        {
            using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream(EmbeddedResourceName)
                ?? throw new InvalidOperationException("The embedded policy resource '" + EmbeddedResourceName + "' is missing from the assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return Load(reader, "embedded:" + EmbeddedResourceName);
        }

        /// <summary>Parses and validates policy JSON; throws <see cref="PolicyValidationException"/> naming every problem.</summary>
        public static ResidencyPolicy Load(TextReader reader, string origin)
        {
            PolicyDocument? document;
            try
            {
                using var json = new JsonTextReader(reader) { MaxDepth = MaxDepth, DateParseHandling = DateParseHandling.None };
                var serializer = JsonSerializer.Create(Settings);
                document = serializer.Deserialize<PolicyDocument>(json);
                if (json.Read() && json.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException("Additional text found after the end of the policy object.", json.Path, json.LineNumber, json.LinePosition, null);
                }
            }
            catch (JsonException ex)
            {
                throw new PolicyValidationException(origin, new[] { ToProblem(ex) });
            }

            if (document == null)
            {
                throw new PolicyValidationException(origin, new[] { new PolicyProblem(string.Empty, "The file holds no policy object.") });
            }

            return PolicyBuilder.Build(document, origin);
        }

        // TypeNameHandling stays None: a policy file must never name a .NET type to create.
        private static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.None,
            MissingMemberHandling = MissingMemberHandling.Error,
            MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
            MaxDepth = MaxDepth,
            DateParseHandling = DateParseHandling.None,
        };

        private static PolicyProblem ToProblem(JsonException ex)
        {
            switch (ex)
            {
                case JsonReaderException reader:
                    return new PolicyProblem(reader.Path ?? string.Empty, FirstSentence(reader.Message), reader.LineNumber, reader.LinePosition);
                case JsonSerializationException serialization:
                    return new PolicyProblem(serialization.Path ?? string.Empty, FirstSentence(serialization.Message), serialization.LineNumber, serialization.LinePosition);
                default:
                    return new PolicyProblem(string.Empty, ex.Message);
            }
        }

        // Newtonsoft appends "Path 'x', line 1, position 2." which PolicyProblem already reports.
        private static string FirstSentence(string message)
        {
            var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
            return cut > 0 ? message.Substring(0, cut) : message;
        }
    }
}
