# Exception: messages of exception structs, and the runtime side of
# `raise/1,2` (the compiler turns `raise x` into
# `:erlang.error(Exception.__raise__(x))`).
defmodule Exception do
  # The message of an exception: its module's message/1 when it defines one,
  # else the built-in message (the `message` field, or the text Elixir
  # computes for MatchError, KeyError, ...).
  def message(%{__struct__: module, __exception__: true} = exception) do
    if function_exported?(module, :message, 1) do
      module.message(exception)
    else
      :vial_runtime.exception_message(exception)
    end
  end

  # A report: the banner, then one line per stack trace entry.
  def format(kind, payload, stacktrace \\ []),
    do: :vial_runtime.format_report(kind, rendered(kind, payload, stacktrace), stacktrace)

  # The first line of a report: `** (RuntimeError) boom`, `** (exit) r`;
  # an Erlang error term is shown as the exception it stands for.
  def format_banner(kind, payload, stacktrace \\ []),
    do: :vial_runtime.format_report(kind, rendered(kind, payload, stacktrace), [])

  # An error's payload normalised, carrying in its :message field what
  # its module's message/1 says, for the report the runtime renders.
  defp rendered(:error, payload, stacktrace) do
    exception = normalize(:error, payload, stacktrace)
    module = exception.__struct__

    if function_exported?(module, :message, 1),
      do: Map.put(exception, :message, module.message(exception)),
      else: exception
  end

  defp rendered(_kind, payload, _stacktrace), do: payload

  # An error's payload as an exception struct (`:badarg` is an
  # ArgumentError, ...); the payloads of throws and exits as they are.
  def normalize(kind, payload, stacktrace \\ [])
  def normalize(:error, payload, stacktrace), do: __normalize__(payload, stacktrace)
  def normalize(_kind, payload, _stacktrace), do: payload

  # "Module.fun/arity" or "Module.fun(arg1, arg2)" (arity may be the list
  # of arguments), as stack traces show calls. The name of an anonymous
  # function's code, "-outer/2-fun-0-", reads "anonymous fn/arity in
  # Module.outer/2"; a name that is not an identifier or operator is
  # quoted.
  def format_mfa(module, fun, arity) when is_atom(module) and is_atom(fun) do
    case anonymous_fun_name(Atom.to_string(fun)) do
      {outer, outer_arity} ->
        "anonymous fn#{format_arity(arity)} in " <>
          "#{inspect(module)}.#{remote_name(outer)}/#{outer_arity}"

      nil ->
        "#{inspect(module)}.#{remote_name(Atom.to_string(fun))}#{format_arity(arity)}"
    end
  end

  # An anonymous function with its arity or arguments, as stack traces
  # show it.
  def format_fa(fun, arity) when is_function(fun), do: "#{inspect(fun)}#{format_arity(arity)}"

  # "file:line:suffix"; a nil or 0 line is left out, and a nil file gives
  # "".
  def format_file_line(file, line, suffix \\ "")
  def format_file_line(nil, _line, _suffix), do: ""
  def format_file_line(file, line, suffix) when line in [nil, 0], do: "#{file}:#{suffix}"
  def format_file_line(file, line, suffix), do: "#{file}:#{line}:#{suffix}"

  # "file:line:column:suffix"; a nil or 0 column (or line) is left out,
  # and a nil file gives "".
  def format_file_line_column(file, line, column, suffix \\ "")
  def format_file_line_column(nil, _line, _column, _suffix), do: ""

  def format_file_line_column(file, line, _column, suffix) when line in [nil, 0],
    do: "#{file}:#{suffix}"

  def format_file_line_column(file, line, column, suffix) when column in [nil, 0],
    do: "#{file}:#{line}:#{suffix}"

  def format_file_line_column(file, line, column, suffix),
    do: "#{file}:#{line}:#{column}:#{suffix}"

  # "/arity", or the arguments inspected in parentheses.
  defp format_arity(arity) when is_list(arity),
    do: "(" <> Enum.map_join(arity, ", ", &inspect/1) <> ")"

  defp format_arity(arity) when is_integer(arity), do: "/" <> Integer.to_string(arity)

  # {outer name, outer arity} of "-outer/arity-kind-count-", else nil.
  # The outer name runs to the last "/"; what follows must be exactly
  # three dash-ended fields.
  defp anonymous_fun_name("-" <> rest) do
    {name, tail} =
      case :binary.matches(rest, "/") do
        [] ->
          {"", rest}

        matches ->
          {pos, _} = List.last(matches)
          {:binary.part(rest, 0, pos), :binary.part(rest, pos + 1, byte_size(rest) - pos - 1)}
      end

    case :binary.split(tail, "-", [:global]) do
      [arity, _kind, _count, ""] -> {name, arity}
      _ -> nil
    end
  end

  defp anonymous_fun_name(_name), do: nil

  # The operators that follow "Module." unquoted (the last one is \\).
  @remote_operators ~w(@ & ! ^ + - ~~~ * / ++ -- +++ --- <> |> <<< >>> <<~ ~>> <~ ~> <~>
                       <|> < > <= >= == != =~ === !== && &&& || ||| = | :: <- ^^^ **) ++ ["\\\\"]

  # A function name as written after "Module.": identifiers and operators
  # as they are, anything else as a quoted string.
  defp remote_name(name) do
    if name in @remote_operators or identifier?(name), do: name, else: inspect(name)
  end

  # Whether name is a function identifier: what inspect leaves unquoted as
  # an atom, starting with "_" or a letter that is not uppercase, without
  # the "@" atoms may have.
  defp identifier?(""), do: false

  defp identifier?(name) do
    atom = String.to_atom(name)
    first = String.first(name)

    (atom in [true, false, nil] or inspect(atom) == ":" <> name) and
      not String.contains?(name, "@") and
      (first == "_" or (first >= "a" and first <= "z") or
         (first > "\x7F" and String.downcase(first) == first))
  end

  # Whether the term is an exception struct.
  def exception?(%{__exception__: true}), do: true
  def exception?(_), do: false

  # The exception a `rescue` sees for an error reason: exception structs as
  # they are, Erlang error terms translated as Elixir's Exception.normalize/2
  # does (`:badarg` is an ArgumentError, ...).
  def __normalize__(:undef, stacktrace) do
    {module, function, arity} = top_frame(stacktrace)
    UndefinedFunctionError.exception(module: module, function: function, arity: arity)
  end

  def __normalize__(:function_clause, stacktrace) do
    {module, function, arity} = top_frame(stacktrace)
    FunctionClauseError.exception(module: module, function: function, arity: arity)
  end

  def __normalize__(payload, _stacktrace), do: __normalize__(payload)

  defp top_frame([{module, function, args, _} | _]) when is_list(args),
    do: {module, function, length(args)}

  defp top_frame([{module, function, arity, _} | _]), do: {module, function, arity}
  defp top_frame(_), do: {nil, nil, nil}

  def __normalize__(%{__exception__: true} = exception), do: exception
  def __normalize__(:badarg), do: ArgumentError.exception([])

  def __normalize__({:badarg, payload}),
    do: ArgumentError.exception("argument error: #{inspect(payload)}")

  def __normalize__(:badarith), do: ArithmeticError.exception([])
  def __normalize__(:system_limit), do: SystemLimitError.exception([])
  def __normalize__(:cond_clause), do: CondClauseError.exception([])
  def __normalize__({:badbool, op, term}), do: BadBooleanError.exception(term: term, operator: op)
  def __normalize__({:badmatch, term}), do: MatchError.exception(term: term)
  def __normalize__({:case_clause, term}), do: CaseClauseError.exception(term: term)
  def __normalize__({:try_clause, term}), do: TryClauseError.exception(term: term)
  def __normalize__({:with_clause, term}), do: WithClauseError.exception(term: term)
  def __normalize__({:badmap, term}), do: BadMapError.exception(term: term)
  def __normalize__({:badkey, key, map}), do: KeyError.exception(key: key, term: map)
  def __normalize__({:badkey, key}), do: KeyError.exception(key: key)
  def __normalize__({:badfun, term}), do: BadFunctionError.exception(term: term)

  def __normalize__({:badarity, {fun, args}}),
    do: BadArityError.exception(function: fun, args: args)

  def __normalize__(other), do: ErlangError.exception(original: other)

  # The exception `raise value` raises.
  def __raise__(message) when is_binary(message), do: RuntimeError.exception(message)
  def __raise__(%{__exception__: true} = exception), do: exception
  def __raise__(module) when is_atom(module), do: module.exception([])

  def __raise__(other) do
    ArgumentError.exception(
      "raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: " <>
        inspect(other)
    )
  end

  # The exception `raise module, args` raises.
  def __raise__(module, args) when is_atom(module), do: module.exception(args)
end
