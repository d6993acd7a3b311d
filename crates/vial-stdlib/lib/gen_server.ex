# GenServer: the generic server behaviour, written on the process
# primitives as OTP writes gen_server in Erlang.
#
# Protocol (OTP 25's, so that replies can be sent by any process):
#   call:  {:"$gen_call", {caller, [:alias | ref]}, request}, where ref is
#          a monitor on the server that is also an alias of the caller; the
#          reply {[:alias | ref], reply} is sent to the alias, so a reply
#          that arrives after the caller gave up is dropped. A `from` with
#          any other tag is answered with {tag, reply} sent to the caller.
#   cast:  {:"$gen_cast", request}
#   stop:  {:"$gen_stop", reason}, answered by the server exiting.
#
# The loop calls the callback module's init/1, handle_call/3, handle_cast/2,
# handle_info/2, handle_continue/2 and terminate/2; a module that does not
# export one of them gets the default `use GenServer` defines in Elixir.
defmodule GenServer do
  # A timeout, :hibernate or {:continue, arg} after a callback's state.
  defguardp is_timeout(t)
            when t == :infinity or t == :hibernate or (is_integer(t) and t >= 0) or
                   (is_tuple(t) and tuple_size(t) == 2 and elem(t, 0) == :continue)

  @doc "Starts a server without a link; see start_link/3."
  def start(module, init_arg, opts \\ []) when is_atom(module) and is_list(opts) do
    do_start(:nolink, module, init_arg, opts)
  end

  @doc """
  Starts a server linked to the caller and waits for its init/1:
  {:ok, pid}, :ignore, {:error, reason}, or {:error, {:already_started,
  pid}} when the `name:` (an atom or {:via, mod, name}) is taken.
  """
  def start_link(module, init_arg, opts \\ []) when is_atom(module) and is_list(opts) do
    do_start(:link, module, init_arg, opts)
  end

  defp do_start(link, module, init_arg, opts) do
    name =
      case Keyword.get(opts, :name) do
        nil -> nil
        atom when is_atom(atom) -> atom
        {:global, _} = global -> global
        {:via, via, _} = via_name when is_atom(via) -> via_name
        other -> raise ArgumentError, "expected :name option to be one of the following:\n\n  * nil\n  * atom\n  * {:global, term}\n  * {:via, module, term}\n\nGot: #{inspect(other)}\n"
      end

    starter = self()
    timeout = Keyword.get(opts, :timeout, :infinity)
    ancestors = Process.__ancestry__()

    fun = fn ->
      Process.__proc_init__(ancestors, initial_call(module, init_arg))
      init_it(starter, link, name, module, init_arg)
    end

    pid =
      case link do
        :link -> spawn_link(fun)
        :nolink -> spawn(fun)
      end

    ref = Process.monitor(pid)

    receive do
      {:"$gen_ack", ^pid, result} ->
        Process.demonitor(ref, [:flush])
        result

      {:DOWN, ^ref, :process, ^pid, reason} ->
        if link == :link, do: flush_exit(pid)
        {:error, reason}
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        Process.unlink(pid)
        Process.exit(pid, :kill)
        flush_exit(pid)
        {:error, :timeout}
    end
  end

  defp flush_exit(pid) do
    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      0 -> :ok
    end
  end

  # Runs in the new process: registers the name, calls init/1 and
  # acknowledges to the starter.
  # An Agent's initial call is its function's, as Elixir's Agent.Server
  # records it.
  defp initial_call(Agent.Server, fun), do: fun
  defp initial_call(module, _init_arg), do: {module, :init, 1}

  defp init_it(starter, link, name, module, init_arg) do
    case register_name(name) do
      :ok ->
        init_result(starter, link, name, module, init_arg)

      {:error, _} = error ->
        ack(starter, error)
        exit(:normal)
    end
  end

  defp init_result(starter, link, name, module, init_arg) do
    parent = if link == :link, do: starter, else: self()

    result =
      try do
        {:ok, module.init(init_arg)}
      catch
        # As in OTP, a thrown value is the callback's result.
        :throw, value -> {:ok, value}
        kind, reason -> {kind, reason, __STACKTRACE__}
      end

    case result do
      {:ok, {:ok, state}} ->
        ack(starter, {:ok, self()})
        loop(parent, name, module, state, :infinity)

      {:ok, {:ok, state, timeout}} when timeout == :hibernate or is_integer(timeout) or timeout == :infinity ->
        ack(starter, {:ok, self()})
        loop(parent, name, module, state, if(timeout == :hibernate, do: :infinity, else: timeout))

      {:ok, {:ok, state, {:continue, _} = continue}} ->
        ack(starter, {:ok, self()})
        loop(parent, name, module, state, continue)

      {:ok, :ignore} ->
        unregister_name(name)
        ack(starter, :ignore)
        exit(:normal)

      {:ok, {:stop, reason}} ->
        unregister_name(name)
        ack(starter, {:error, reason})
        exit(reason)

      {:ok, other} ->
        unregister_name(name)
        reason = {:bad_return_value, other}
        ack(starter, {:error, reason})
        exit(reason)

      {kind, reason, stacktrace} ->
        unregister_name(name)
        ack(starter, {:error, exit_reason(kind, reason, stacktrace)})
        :erlang.raise(kind, reason, stacktrace)
    end
  end

  defp ack(starter, result), do: send(starter, {:"$gen_ack", self(), result})

  defp register_name(nil), do: :ok

  defp register_name(name) when is_atom(name) do
    case Process.whereis(name) do
      nil ->
        try do
          Process.register(self(), name)
          :ok
        rescue
          ArgumentError -> {:error, {:already_started, Process.whereis(name)}}
        end

      pid ->
        {:error, {:already_started, pid}}
    end
  end

  defp register_name({:via, module, name}) do
    case module.register_name(name, self()) do
      :yes -> :ok
      :no -> {:error, {:already_started, module.whereis_name(name)}}
    end
  end

  defp register_name({:global, name}), do: register_name({:via, :global, name})

  defp unregister_name(nil), do: :ok

  defp unregister_name(name) when is_atom(name) do
    Process.unregister(name)
    :ok
  end

  defp unregister_name({:global, name}), do: unregister_name({:via, :global, name})

  defp unregister_name({:via, module, name}) do
    module.unregister_name(name)
    :ok
  end

  defp unregister_name(_), do: :ok

  # The exit reason for an exception of `kind` (OTP's terminate_reason): an
  # error the VM raised keeps its Erlang term (`{:badarith, stacktrace}`).
  defp exit_reason(:error, reason, stacktrace), do: {reason, stacktrace}
  defp exit_reason(:exit, reason, _), do: reason
  defp exit_reason(:throw, reason, stacktrace), do: {{:nocatch, reason}, stacktrace}

  ## The server loop

  defp loop(parent, name, module, state, {:continue, continue} = message) do
    result =
      try do
        module.handle_continue(continue, state)
      catch
        :throw, value -> value

        kind, reason ->
          failed(kind, reason, __STACKTRACE__, :handle_continue, [continue, state], name, module, message, nil)
      end

    handle_result(parent, name, module, state, result, message, nil)
  end

  defp loop(parent, name, module, state, timeout) do
    receive do
      message -> handle_msg(parent, name, module, state, message)
    after
      timeout -> handle_msg(parent, name, module, state, :timeout)
    end
  end

  defp handle_msg(parent, name, module, state, {:"$gen_call", from, request}) do
    handle_call_msg(parent, name, module, state, from, request)
  end

  defp handle_msg(parent, name, module, state, {:"$gen_cast", request} = message) do
    result =
      try do
        module.handle_cast(request, state)
      catch
        :throw, value -> value

        kind, reason ->
          failed(kind, reason, __STACKTRACE__, :handle_cast, [request, state], name, module, message, nil)
      end

    handle_result(parent, name, module, state, result, message, nil)
  end

  defp handle_msg(_parent, name, module, state, {:"$gen_stop", reason} = message) do
    terminate(reason, name, module, state, message, nil)
  end

  defp handle_msg(parent, name, module, state, {:EXIT, parent, reason} = message) when parent != self() do
    terminate(reason, name, module, state, message, nil)
  end

  # OTP's system messages, as :sys sends them: get_state and replace_state
  # are answered without the callback module, suspend makes the server
  # handle nothing but system messages until resume; any other request
  # gets {:error, :unsupported}.
  defp handle_msg(parent, name, module, state, {:system, from, :suspend}) do
    reply(from, :ok)
    suspended(parent, name, module, state)
  end

  defp handle_msg(parent, name, module, state, {:system, from, request} = message) do
    new_state = system_request(from, request, state)
    handle_result(parent, name, module, state, {:noreply, new_state}, message, nil)
  end

  defp suspended(parent, name, module, state) do
    receive do
      {:system, from, :resume} ->
        reply(from, :ok)
        loop(parent, name, module, state, :infinity)

      {:system, from, request} ->
        suspended(parent, name, module, system_request(from, request, state))
    end
  end

  # Answers a system message other than :suspend; the state afterwards.
  defp system_request(from, request, state) do
    case request do
      :resume ->
        reply(from, :ok)
        state

      :get_state ->
        reply(from, state)
        state

      {:replace_state, fun} ->
        new_state = fun.(state)
        reply(from, new_state)
        new_state

      _ ->
        reply(from, {:error, :unsupported})
        state
    end
  end

  defp handle_msg(parent, name, module, state, message) do
    result =
      try do
        module.handle_info(message, state)
      catch
        :throw, value -> value

        kind, reason ->
          failed(kind, reason, __STACKTRACE__, :handle_info, [message, state], name, module, message, nil)
      end

    handle_result(parent, name, module, state, result, message, nil)
  end

  defp handle_call_msg(parent, name, module, state, from, request) do
    result =
      try do
        module.handle_call(request, from, state)
      catch
        :throw, value -> value

        kind, reason ->
          message = {:"$gen_call", from, request}
          failed(kind, reason, __STACKTRACE__, :handle_call, [request, from, state], name, module, message, from)
      end

    case result do
      {:reply, reply, new_state} ->
        reply(from, reply)
        loop(parent, name, module, new_state, :infinity)

      # With a bad timeout the whole tuple is a bad return value, and no
      # reply goes out (OTP's gen_server:handle_msg/6).
      {:reply, reply, new_state, timeout} when is_timeout(timeout) ->
        reply(from, reply)
        check_timeout(parent, name, module, new_state, timeout)

      {:stop, reason, reply, new_state} ->
        try do
          terminate(reason, name, module, new_state, {:"$gen_call", from, request}, nil)
        after
          reply(from, reply)
        end

      result ->
        handle_result(parent, name, module, state, result, {:"$gen_call", from, request}, from)
    end
  end

  defp handle_result(parent, name, module, state, result, message, from) do
    case result do
      {:noreply, new_state} ->
        loop(parent, name, module, new_state, :infinity)

      {:noreply, new_state, timeout} when is_timeout(timeout) ->
        check_timeout(parent, name, module, new_state, timeout)

      {:stop, reason, new_state} ->
        terminate(reason, name, module, new_state, message, from)

      other ->
        terminate({:bad_return_value, other}, name, module, state, message, from)
    end
  end

  defp check_timeout(parent, name, module, state, timeout) do
    case timeout do
      :hibernate -> loop(parent, name, module, state, :infinity)
      timeout -> loop(parent, name, module, state, timeout)
    end
  end

  # A callback raised: if the module does not export it, the result of the
  # default `use GenServer` gives; otherwise the server crashes.
  defp failed(kind, reason, stacktrace, callback, args, name, module, message, from) do
    state = List.last(args)

    if kind == :error and not function_exported?(module, callback, length(args)) do
      try do
        __default__(module, callback, args)
      catch
        kind, reason -> crash(kind, reason, __STACKTRACE__, name, module, state, message, from)
      end
    else
      crash(kind, reason, stacktrace, name, module, state, message, from)
    end
  end

  # What `use GenServer`'s default callbacks do: for a module that does not
  # export the callback, and for `super(...)` in one that overrides it.
  def __default__(_module, :handle_call, [_request, _from, _state]) do
    proc = Process.info(self(), :registered_name)

    proc =
      case proc do
        {:registered_name, []} -> self()
        {:registered_name, name} -> name
        _ -> self()
      end

    raise RuntimeError,
          "attempted to call GenServer #{inspect(proc)} but no handle_call/3 clause was provided"
  end

  def __default__(_module, :handle_cast, [_request, _state]) do
    raise RuntimeError,
          "attempted to cast GenServer #{inspect(self())} but no handle_cast/2 clause was provided"
  end

  def __default__(module, :handle_info, [message, state]) do
    IO.puts(
      :stderr,
      "[error] #{inspect(module)} #{inspect(self())} received unexpected message in handle_info/2: #{inspect(message)}"
    )

    {:noreply, state}
  end

  def __default__(_module, :handle_continue, [continue, _state]) do
    raise RuntimeError,
          "attempted to continue GenServer #{inspect(self())} with #{inspect(continue)} but no handle_continue/2 clause was provided"
  end

  defp crash(kind, reason, stacktrace, name, module, state, message, from) do
    exit = exit_reason(kind, reason, stacktrace)
    run_terminate(exit, name, module, state, message, from)
    report(exit, name, message, state, from)
    exit(exit)
  end

  # Runs terminate/2 (if exported), prints the crash report for an
  # abnormal reason, and exits with the reason.
  defp terminate(reason, name, module, state, message, from) do
    run_terminate(reason, name, module, state, message, from)
    report(reason, name, message, state, from)
    exit(reason)
  end

  defp run_terminate(reason, name, module, state, message, from) do
    if function_exported?(module, :terminate, 2) do
      try do
        module.terminate(reason, state)
      catch
        kind, reason2 ->
          exit = exit_reason(kind, reason2, __STACKTRACE__)
          report(exit, name, message, state, from)
          exit(exit)
      end
    end

    :ok
  end

  defp report(reason, _name, _message, _state, _from)
       when reason in [:normal, :shutdown] or
              (is_tuple(reason) and tuple_size(reason) == 2 and elem(reason, 0) == :shutdown) do
    :ok
  end

  defp report(reason, name, message, state, from) do
    who = if name == nil or not is_atom(name), do: inspect(self()), else: inspect(name)

    last =
      case from do
        {pid, _} -> "Last message (from #{inspect(pid)}): #{inspect(message)}"
        _ -> "Last message: #{inspect(message)}"
      end

    why =
      case reason do
        {%{__exception__: true} = e, stacktrace} when is_list(stacktrace) ->
          Exception.format(:error, e, stacktrace)

        _ ->
          "** (stop) " <> Exception.format_exit(reason) <> "\n"
      end

    IO.puts(:stderr, "[error] GenServer #{who} terminating\n#{why}#{last}\nState: #{inspect(state)}")
  end

  ## Client API

  @doc """
  Sends `request` to `server` and waits up to `timeout` ms (default 5000,
  or :infinity) for the reply. Exits the caller with {reason, {GenServer,
  :call, [server, request, timeout]}}: :timeout, :noproc for a dead or
  unknown server, :calling_self, or the server's exit reason.
  """
  def call(server, request, timeout \\ 5000)

  def call(pid, request, timeout) when is_pid(pid) and pid != self() do
    do_call(pid, pid, request, timeout)
  end

  def call(server, request, timeout) do
    case whereis(server) do
      nil -> exit({:noproc, {GenServer, :call, [server, request, timeout]}})
      pid when pid == self() -> exit({:calling_self, {GenServer, :call, [server, request, timeout]}})
      pid -> do_call(pid, server, request, timeout)
    end
  end

  @doc false
  # A call with message label `label` (:"$gen_call", or :system for :sys):
  # {label, {caller, ref}, request}, answered {ref, reply}. Exits as call/3,
  # with `mfa` in the reason.
  def __call__(server, label, request, timeout, mfa) do
    case whereis(server) do
      nil -> exit({:noproc, mfa})
      pid when pid == self() -> exit({:calling_self, mfa})
      pid -> do_call(pid, label, request, timeout, mfa)
    end
  end

  defp do_call(pid, server, request, timeout) do
    do_call(pid, :"$gen_call", request, timeout, {GenServer, :call, [server, request, timeout]})
  end

  defp do_call(pid, label, request, timeout, mfa) do
    ref = :erlang.monitor(:process, pid, alias: :demonitor)
    send(pid, {label, {self(), [:alias | ref]}, request})

    receive do
      {[:alias | ^ref], reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        :erlang.unalias(ref)
        exit({reason, mfa})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, mfa})
    end
  end

  @doc "Sends an asynchronous request; always :ok, even if the server is gone."
  def cast(server, request) do
    case whereis(server) do
      nil -> :ok
      pid -> send(pid, {:"$gen_cast", request})
    end

    :ok
  end

  @doc "Casts `request` to every server registered as `name` (local node only): :abcast."
  def abcast(nodes \\ [node()], name, request) when is_list(nodes) and is_atom(name) do
    if node() in nodes, do: cast(name, request)
    :abcast
  end

  @doc """
  Calls the servers registered as `name` on `nodes` (this node only):
  `{[{node, reply}], bad_nodes}`, a node whose server is missing or fails
  being bad.
  """
  def multi_call(nodes \\ [node()], name, request, timeout \\ :infinity)
      when is_list(nodes) and is_atom(name) do
    {replies, bad} =
      Enum.reduce(nodes, {[], []}, fn n, {replies, bad} ->
        with true <- n == node() and Process.whereis(name) != nil,
             {:ok, reply} <- multi_call_one(name, request, timeout) do
          {[{n, reply} | replies], bad}
        else
          _ -> {replies, [n | bad]}
        end
      end)

    {Enum.reverse(replies), Enum.reverse(bad)}
  end

  defp multi_call_one(name, request, timeout) do
    {:ok, call(name, request, timeout)}
  catch
    :exit, _ -> :error
  end

  @doc "Replies to a caller from outside handle_call/3 (`from` is its second argument)."
  def reply({_pid, [:alias | ref] = tag}, reply) do
    send(ref, {tag, reply})
    :ok
  end

  def reply({pid, tag}, reply) do
    send(pid, {tag, reply})
    :ok
  end

  @doc """
  Stops the server with `reason` and waits until it has terminated
  (terminate/2 has run): :ok. Exits with {:noproc | :timeout | reason,
  {GenServer, :stop, [server, reason, timeout]}} otherwise.
  """
  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      nil ->
        exit({:noproc, {GenServer, :stop, [server, reason, timeout]}})

      pid when pid == self() ->
        exit({:calling_self, {GenServer, :stop, [server, reason, timeout]}})

      pid ->
        ref = Process.monitor(pid)
        send(pid, {:"$gen_stop", reason})

        receive do
          {:DOWN, ^ref, _, _, ^reason} ->
            :ok

          {:DOWN, ^ref, _, _, other} ->
            exit({other, {GenServer, :stop, [server, reason, timeout]}})
        after
          timeout ->
            Process.demonitor(ref, [:flush])
            exit({:timeout, {GenServer, :stop, [server, reason, timeout]}})
        end
    end
  end

  @doc "The pid of `server` (a pid, an atom, {name, node} or {:via, mod, name}), or nil."
  def whereis(server) when is_pid(server), do: server
  def whereis(server) when is_atom(server), do: Process.whereis(server)

  def whereis({:via, module, name}) do
    case module.whereis_name(name) do
      pid when is_pid(pid) -> pid
      _ -> nil
    end
  end

  def whereis({:global, name}), do: whereis({:via, :global, name})
  def whereis({name, node}) when is_atom(name) and is_atom(node), do: Process.whereis(name)
end
