import Bestand

/// The parsed command line.
enum Command: Equatable {
    case help
    case version
    case run(path: String, asOf: String?, output: String?, quiet: Bool)
    case validate(path: String)
    case generate(customers: Int, seed: UInt64, orderFactor: Int, output: String)
}

/// Hand-written parsing of bestand's small command line (SPEC §1).
enum Arguments {
    static let usage = """
        usage: bestand run PIPELINE.json [--as-of YYYY-MM-DD] [--out DIR] [--quiet]
               bestand validate PIPELINE.json
               bestand generate --customers N [--seed S] [--order-factor F] --out DIR
               bestand --help | --version

        commands:
          run        run the pipeline's stages and write its outputs
          validate   check the pipeline file, find its inputs, read their headers and parse
                     every row, without writing outputs
          generate   write a synthetic data set (customer exports with planted duplicates,
                     orders, inquiries, campaigns, truth.csv) and a pipeline.json for it

        options:
          --as-of YYYY-MM-DD   evaluation date (default: the pipeline's as_of, else today)
          --out DIR            output folder (default: the pipeline's output, else out/<name>)
          --quiet              no progress on stderr
          --customers N        generate: number of real customers (about 10 order rows each)
          --seed S             generate: random seed (default 1); the same seed gives the same files
          --order-factor F     generate: F times the order rows for the same customers (default 1)
          -h, --help           show this help
          --version            show the version

        exit codes: 0 success, 1 input or runtime error, 2 usage or pipeline-file error,
                    3 quality gate failed (outputs are still written)
        """

    struct UsageError: Error, Equatable {
        var message: String
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        guard let first = arguments.first else { throw UsageError(message: "no command given") }
        if arguments.contains("--help") || arguments.contains("-h") || first == "help" { return .help }
        if first == "--version" || first == "version" {
            guard arguments.count == 1 else { throw UsageError(message: "--version takes no arguments") }
            return .version
        }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "run":
            var path: String?
            var asOf: String?
            var output: String?
            var quiet = false
            var index = 0
            while index < rest.count {
                var argument = rest[index]
                var inlineValue: String?
                if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                    inlineValue = String(argument[argument.index(after: equals)...])
                    argument = String(argument[..<equals])
                }
                func value() throws(UsageError) -> String {
                    if let inlineValue { return inlineValue }
                    index += 1
                    guard index < rest.count, !rest[index].hasPrefix("--") else {
                        throw UsageError(message: "\(argument) needs a value")
                    }
                    return rest[index]
                }
                switch argument {
                case "--as-of": asOf = try value()
                case "--out": output = try value()
                case "--quiet", "-q":
                    guard inlineValue == nil else { throw UsageError(message: "--quiet takes no value") }
                    quiet = true
                default:
                    if argument.hasPrefix("-") {
                        throw UsageError(message: unknownOption(argument, known: ["--as-of", "--out", "--quiet"]))
                    }
                    guard path == nil else { throw UsageError(message: "unexpected argument \"\(argument)\": run takes one pipeline file") }
                    path = argument
                }
                index += 1
            }
            guard let path else { throw UsageError(message: "run needs a pipeline file") }
            return .run(path: path, asOf: asOf, output: output, quiet: quiet)
        case "validate":
            if let option = rest.first(where: { $0.hasPrefix("-") }) {
                throw UsageError(message: unknownOption(option, known: []))
            }
            guard rest.count == 1 else {
                throw UsageError(message: rest.isEmpty ? "validate needs a pipeline file" : "validate takes one pipeline file")
            }
            return .validate(path: rest[0])
        case "generate":
            return try parseGenerate(rest)
        default:
            var message = "unknown command \"\(first)\""
            if let suggestion = Suggestion.closest(to: first, in: ["run", "validate", "generate"]) {
                message += " — did you mean \"\(suggestion)\"?"
            }
            throw UsageError(message: message)
        }
    }

    /// `generate --customers N [--seed S] [--order-factor F] --out DIR`.
    private static func parseGenerate(_ rest: [String]) throws(UsageError) -> Command {
        var values: [String: String] = [:]
        var index = 0
        while index < rest.count {
            var argument = rest[index]
            var value: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                value = String(argument[argument.index(after: equals)...])
                argument = String(argument[..<equals])
            }
            let known = ["--customers", "--seed", "--order-factor", "--out"]
            guard known.contains(argument) else { throw UsageError(message: unknownOption(argument, known: known)) }
            if value == nil {
                index += 1
                guard index < rest.count, !rest[index].hasPrefix("--") else { throw UsageError(message: "\(argument) needs a value") }
                value = rest[index]
            }
            values[argument] = value
            index += 1
        }
        guard let customersText = values["--customers"] else { throw UsageError(message: "generate needs --customers N") }
        guard let customers = Int(customersText), (1...100_000_000).contains(customers) else {
            throw UsageError(message: "--customers must be a whole number from 1 to 100000000, found \"\(customersText)\"")
        }
        guard let output = values["--out"] else { throw UsageError(message: "generate needs --out DIR") }
        let seedText = values["--seed"] ?? "1"
        guard let seed = UInt64(seedText) else { throw UsageError(message: "--seed must be a whole number, found \"\(seedText)\"") }
        let factorText = values["--order-factor"] ?? "1"
        guard let orderFactor = Int(factorText), (1...100).contains(orderFactor) else {
            throw UsageError(message: "--order-factor must be a whole number from 1 to 100, found \"\(factorText)\"")
        }
        return .generate(customers: customers, seed: seed, orderFactor: orderFactor, output: output)
    }

    private static func unknownOption(_ option: String, known: [String]) -> String {
        var message = "unknown option \"\(option)\""
        if let suggestion = Suggestion.closest(to: option, in: known) { message += " — did you mean \"\(suggestion)\"?" }
        return message
    }
}
