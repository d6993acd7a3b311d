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
