# Task: one-off computations in their own process, after Elixir's task.ex.
#
# Task.async/1,3 spawns a linked process and monitors it with a monitor
# that is also an alias of the owner; the task sends {ref, result} to the
# alias, so a result that arrives after the owner stopped waiting is
# dropped. The owner collects it with await/2, await_many/2 or yield/2.
defmodule Task do
  defstruct [:mfa, :owner, :pid, :ref]

  @doc "The child spec of {Task, fun} and `use Task` modules: restart :temporary."
  def child_spec(arg) do
    %{id: Task, start: {Task, :start_link, [arg]}, restart: :temporary}
  end

  @doc "Runs `fun` in a new process linked to the caller: a %Task{} to await."
  def async(fun) when is_function(fun, 0), do: spawn_task(fun, {:erlang, :apply, 2}, fun)

  def async(module, function_name, args) when is_atom(module) and is_atom(function_name) and is_list(args) do
    mfa = {module, function_name, args}
    spawn_task(fn -> apply(module, function_name, args) end, {module, function_name, length(args)}, mfa)
  end

  defp spawn_task(fun, mfa, initial) do
    owner = self()
    start = proc_start(initial)
    pid = spawn_link(fn -> start.(); run_async(fun) end)
    ref = :erlang.monitor(:process, pid, alias: :demonitor)
    send(pid, {:"$task_ref", ref})
    %Task{pid: pid, ref: ref, owner: owner, mfa: mfa}
  end

  defp run_async(fun) do
    receive do
      {:"$task_ref", ref} -> send(ref, {ref, fun.()})
    end
  end

  @doc """
  Stops caring about the task: {:ok, result} if it already replied,
  {:exit, reason} if it already died, else nil. The task keeps running,
  unlinked, and its reply is never delivered.
  """
  def ignore(%Task{ref: ref, pid: pid, owner: owner} = task) do
    check_owner(owner, task)

    receive do
      {^ref, reply} ->
        Process.unlink(pid)
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        Process.unlink(pid)
        {:exit, reason}
    after
      0 ->
        Process.unlink(pid)
        Process.demonitor(ref, [:flush])
        nil
    end
  end

  @doc "A task that has already run and produced `result` (no process)."
  def completed(result) do
    ref = make_ref()
    owner = self()
    send(owner, {ref, result})
    %Task{ref: ref, owner: owner, pid: nil, mfa: {Task, :completed, 1}}
  end

  @doc """
  Waits up to `timeout` ms (default 5000, or :infinity) for the task's
  result. Exits the caller with {:timeout, {Task, :await, [task, timeout]}},
  or with the task's exit reason in the same shape if it died.
  """
  def await(%Task{ref: ref, owner: owner} = task, timeout \\ 5000)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    check_owner(owner, task)

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _proc, reason} ->
        exit({reason, {Task, :await, [task, timeout]}})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {Task, :await, [task, timeout]}})
    end
  end

  @doc "Awaits every task within one overall `timeout`; the results in order."
  def await_many(tasks, timeout \\ 5000)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    Enum.each(tasks, &check_owner(&1.owner, &1))
    await_each(tasks, tasks, deadline(timeout), timeout, [])
  end

  defp await_each([], _all, _deadline, _timeout, acc), do: Enum.reverse(acc)

  defp await_each([%Task{ref: ref} | rest], all, deadline, timeout, acc) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        await_each(rest, all, deadline, timeout, [reply | acc])

      {:DOWN, ^ref, _, _proc, reason} ->
        Enum.each(rest, &Process.demonitor(&1.ref, [:flush]))
        exit({reason, {Task, :await_many, [all, timeout]}})
    after
      left(deadline) ->
        Enum.each(rest, &Process.demonitor(&1.ref, [:flush]))
        Process.demonitor(ref, [:flush])
        exit({:timeout, {Task, :await_many, [all, timeout]}})
    end
  end

  @doc "{:ok, result}, {:exit, reason} if the task died, or nil if `timeout` passed (the task keeps running)."
  def yield(%Task{ref: ref, owner: owner} = task, timeout \\ 5000) do
    check_owner(owner, task)

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _proc, reason} ->
        {:exit, reason}
    after
      timeout -> nil
    end
  end

  @doc "yield/2 over several tasks within one `timeout`: [{task, result_or_nil}] in order."
  def yield_many(tasks, timeout \\ 5000) do
    at = deadline(timeout)
    Enum.map(tasks, &{&1, yield(&1, left(at))})
  end

  @doc """
  Stops the task (an exit signal :shutdown, then :kill after `shutdown` ms,
  or :brutal_kill at once): {:ok, result} if it had finished, {:exit,
  reason} if it died otherwise, or nil.
  """
  def shutdown(task, shutdown \\ 5000)

  def shutdown(%Task{pid: nil, ref: ref, owner: owner} = task, _shutdown) do
    check_owner(owner, task)

    receive do
      {^ref, reply} -> {:ok, reply}
    after
      0 -> nil
    end
  end

  def shutdown(%Task{pid: pid, ref: ref, owner: owner} = task, shutdown) do
    check_owner(owner, task)
    Process.unlink(pid)
    # A monitor of its own: the task's may be gone (an await that timed
    # out removes it).
    mon = Process.monitor(pid)

    if shutdown == :brutal_kill do
      Process.exit(pid, :kill)
    else
      Process.exit(pid, :shutdown)
    end

    wait = if shutdown == :brutal_kill, do: :infinity, else: shutdown

    result =
      receive do
        {^ref, reply} ->
          Process.demonitor(mon, [:flush])
          {:ok, reply}

        {:DOWN, ^mon, _, _, reason} when reason in [:shutdown, :killed, :noproc] ->
          nil

        {:DOWN, ^mon, _, _, reason} ->
          {:exit, reason}
      after
        wait ->
          Process.exit(pid, :kill)

          receive do
            {:DOWN, ^mon, _, _, reason} -> {:exit, reason}
          end
      end

    Process.demonitor(ref, [:flush])
    result
  end

  defp check_owner(owner, task) do
    if owner != self() do
      raise ArgumentError,
            "task #{inspect(task)} must be queried from the owner but was queried from #{inspect(self())}"
    end
  end

  @doc """
  A stream that runs `fun` on each element in its own task, at most
  :max_concurrency (default System.schedulers_online/0) at a time, and
  emits {:ok, result} (or {:exit, :timeout} with on_timeout: :kill_task)
  in input order, or in completion order with ordered: false. A task
  running longer than :timeout ms (default 5000) exits the caller with
  {:timeout, {Task.Supervised, :stream, [timeout]}} by default.
  """
  def async_stream(enumerable, fun, options \\ []) when is_function(fun, 1) do
    __async_stream__(enumerable, fun, options, &async/1)
  end

  @doc false
  # async_stream/3 with each task started by `start` (a function of a
  # zero-arity fun returning a %Task{}), for Task.Supervisor.
  def __async_stream__(enumerable, fun, options, start) do
    max = Keyword.get(options, :max_concurrency, System.schedulers_online())
    config = %{
      start: start,
      fun: fun,
      max: max,
      timeout: Keyword.get(options, :timeout, 5000),
      on_timeout: Keyword.get(options, :on_timeout, :exit),
      ordered: Keyword.get(options, :ordered, true),
      zip: Keyword.get(options, :zip_input_on_exit, false)
    }

    %Stream{next: fn -> stream_next(Stream.__cursor__(enumerable), [], config) end}
  end

  def async_stream(enumerable, module, function_name, args, options \\ []) do
    async_stream(enumerable, fn x -> apply(module, function_name, [x | args]) end, options)
  end

  # `running` holds {task, deadline, input element} in start order.
  defp stream_next(input, running, config) do
    {input, running} = fill(input, running, config)

    case running do
      [] ->
        :done

      _ ->
        {result, running} = next_result(running, config)
        {result, %Stream{next: fn -> stream_next(input, running, config) end}}
    end
  end

  defp fill(input, running, config) do
    if length(running) >= config.max do
      {input, running}
    else
      case Stream.__next__(input) do
        :done ->
          {input, running}

        {x, rest} ->
          fun = config.fun
          task = config.start.(fn -> fun.(x) end)
          fill(rest, running ++ [{task, deadline(config.timeout), x}], config)
      end
    end
  end

  defp next_result([{task, deadline, x} | rest], %{ordered: true} = config) do
    {stream_await(task, deadline, x, config), rest}
  end

  defp next_result(running, config) do
    refs = Enum.map(running, fn {task, _, _} -> task.ref end)
    {_, first_deadline, _} = hd(running)

    receive do
      {ref, reply} when is_reference(ref) ->
        if ref in refs do
          {done, _, _} = Enum.find(running, fn {t, _, _} -> t.ref == ref end)
          finished(done)
          {{:ok, reply}, Enum.reject(running, fn {t, _, _} -> t.ref == ref end)}
        else
          next_result(running, config)
        end

      {:DOWN, ref, _, _, reason} when ref in refs ->
        {%Task{pid: pid}, _, x} = Enum.find(running, fn {t, _, _} -> t.ref == ref end)
        drop_exit(pid)
        {stream_exit(reason, x, config), Enum.reject(running, fn {t, _, _} -> t.ref == ref end)}
    after
      left(first_deadline) ->
        [{task, deadline, x} | rest] = running
        {stream_await(task, deadline, x, config), rest}
    end
  end

  defp stream_await(%Task{ref: ref, pid: pid} = task, deadline, x, config) do
    receive do
      {^ref, reply} ->
        finished(task)
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        drop_exit(pid)
        stream_exit(reason, x, config)
    after
      left(deadline) ->
        Process.unlink(pid)
        Process.exit(pid, :kill)
        Process.demonitor(ref, [:flush])

        case config.on_timeout do
          :kill_task -> stream_exit(:timeout, x, config)
          :exit -> exit({:timeout, {Task.Supervised, :stream, [config.timeout]}})
        end
    end
  end

  # A stream's task that replied: waits for it to end and drops its exit
  # message, so that a caller trapping exits finds none (in Elixir the
  # stream's tasks are linked to a process of their own, not the caller).
  defp finished(%Task{ref: ref, pid: pid}) do
    receive do
      {:DOWN, ^ref, _, _, _} -> :ok
    end

    drop_exit(pid)
  end

  # The exit message of a stream's ended task, for a caller trapping exits.
  defp drop_exit(pid) do
    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      0 -> :ok
    end
  end

  # {:exit, reason}, with the input element when :zip_input_on_exit is set.
  defp stream_exit(reason, x, %{zip: true}), do: {:exit, {x, reason}}
  defp stream_exit(reason, _x, _config), do: {:exit, reason}

  # The monotonic time (ms) `timeout` ms from now, and the time left until
  # such a deadline.
  defp deadline(:infinity), do: :infinity
  defp deadline(timeout), do: System.monotonic_time(:millisecond) + timeout

  defp left(:infinity), do: :infinity
  defp left(deadline), do: max(deadline - System.monotonic_time(:millisecond), 0)

  @doc "Runs `fun` in a new unlinked process: {:ok, pid}."
  def start(fun) when is_function(fun, 0), do: start_process(:nolink, fun, fun)

  def start(module, function_name, args),
    do: start_process(:nolink, {module, function_name, args}, fn -> apply(module, function_name, args) end)

  @doc "Runs `fun` in a new process linked to the caller: {:ok, pid}."
  def start_link(fun) when is_function(fun, 0), do: start_process(:link, fun, fun)

  def start_link(module, function_name, args),
    do: start_process(:link, {module, function_name, args}, fn -> apply(module, function_name, args) end)

  defp start_process(link, initial, fun) do
    start = proc_start(initial)
    run = fn -> start.(); fun.() end
    {:ok, if(link == :link, do: spawn_link(run), else: spawn(run))}
  end

  # What a task records when it starts, worked out in the process
  # starting it: its ancestors, its initial call, and its callers (that
  # process, then the processes it works for).
  defp proc_start(initial) do
    ancestors = Process.__ancestry__()
    callers = [self() | Process.get(:"$callers", [])]
    fn -> Process.__proc_init__(ancestors, initial, callers) end
  end
end
