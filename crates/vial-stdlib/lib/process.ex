# Process: the parts of Elixir's Process module written in Vial.
defmodule Process do
  @doc false
  # The `:"$ancestors"` of a process this one starts, as OTP's proc_lib
  # records them: this process's name (or pid), then its own ancestors.
  def __ancestry__ do
    me =
      case Process.info(self(), :registered_name) do
        {:registered_name, name} when is_atom(name) -> name
        _ -> self()
      end

    [me | Process.get(:"$ancestors", [])]
  end

  @doc false
  # Records what proc_lib gives a process it starts: its ancestors, its
  # initial call ({module, function, arity}; a fun's own name), and for a
  # task the processes it works for (`callers`, or nil).
  def __proc_init__(ancestors, initial, callers \\ nil) do
    Process.put(:"$ancestors", ancestors)
    Process.put(:"$initial_call", __initial_call__(initial))
    if callers, do: Process.put(:"$callers", callers)
    :ok
  end

  defp __initial_call__(fun) when is_function(fun) do
    info = Function.info(fun)
    {info[:module], info[:name], info[:arity]}
  end

  defp __initial_call__({module, function, args}) when is_list(args),
    do: {module, function, length(args)}

  defp __initial_call__(mfa), do: mfa

  def sleep(:infinity) do
    receive do
    after
      :infinity -> :ok
    end
  end

  def sleep(ms) when is_integer(ms) and ms >= 0 do
    receive do
    after
      ms -> :ok
    end
  end

  # Continues in apply(module, function, args) with the caller's stack
  # given up: a tail call (the BEAM also waits for a message first and
  # shrinks the heap, neither of which a program can tell apart from the
  # function's own receive). Code after it never runs on the BEAM.
  def hibernate(module, function, args), do: apply(module, function, args)
end
