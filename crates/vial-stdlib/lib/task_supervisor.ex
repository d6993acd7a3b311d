# Task.Supervisor: tasks started under a supervisor, after Elixir's
# task/supervisor.ex. The supervisor is a DynamicSupervisor whose children
# are :temporary tasks; a task started with async/2,4 is also linked to its
# owner, one started with async_nolink/2,4 only monitored. Results travel
# as for Task.async/1: {ref, result} to the owner's alias, collected with
# Task.await/2 or Task.yield/2.
defmodule Task.Supervisor do
  @doc "The child spec of {Task.Supervisor, opts}: type :supervisor, id the :name or the module."
  def child_spec(options) when is_list(options) do
    id = Keyword.get(options, :name, Task.Supervisor)
    %{id: id, start: {Task.Supervisor, :start_link, [options]}, type: :supervisor}
  end

  @doc "Starts a task supervisor linked to the caller (options :name, :max_restarts, :max_seconds, :max_children)."
  def start_link(options \\ []) do
    DynamicSupervisor.start_link(Keyword.put(options, :strategy, :one_for_one))
  end

  @doc "Runs `fun` under `supervisor`, linked to the caller: a %Task{} to await."
  def async(supervisor, fun, _options \\ []) when is_function(fun, 0) do
    start_task(supervisor, :link, fun, {:erlang, :apply, 2})
  end

  def async(supervisor, module, function_name, args, _options \\ []) do
    fun = fn -> apply(module, function_name, args) end
    start_task(supervisor, :link, fun, {module, function_name, length(args)})
  end

  @doc "Runs `fun` under `supervisor`, monitored but not linked: a crash reaches the caller as the task's :DOWN."
  def async_nolink(supervisor, fun, _options \\ []) when is_function(fun, 0) do
    start_task(supervisor, :nolink, fun, {:erlang, :apply, 2})
  end

  def async_nolink(supervisor, module, function_name, args, _options \\ []) do
    fun = fn -> apply(module, function_name, args) end
    start_task(supervisor, :nolink, fun, {module, function_name, length(args)})
  end

  @doc "Task.async_stream/3 with each task under `supervisor`, linked to the caller."
  def async_stream(supervisor, enumerable, fun, options \\ []) when is_function(fun, 1) do
    Task.__async_stream__(enumerable, fun, options, &async(supervisor, &1))
  end

  @doc "Task.async_stream/3 with each task under `supervisor`, not linked to the caller."
  def async_stream_nolink(supervisor, enumerable, fun, options \\ []) when is_function(fun, 1) do
    Task.__async_stream__(enumerable, fun, options, &async_nolink(supervisor, &1))
  end

  @doc "Starts a task under `supervisor` that nobody awaits: {:ok, pid}. Option :restart (:temporary)."
  def start_child(supervisor, fun, options \\ []) when is_function(fun, 0) do
    restart = Keyword.get(options, :restart, :temporary)
    spec = %{id: Task, start: {Task, :start_link, [fun]}, restart: restart}
    DynamicSupervisor.start_child(supervisor, spec)
  end

  def start_child(supervisor, module, function_name, args, options \\ []) do
    start_child(supervisor, fn -> apply(module, function_name, args) end, options)
  end

  @doc "The pids of the supervisor's running tasks."
  def children(supervisor) do
    for {_, pid, _, _} <- DynamicSupervisor.which_children(supervisor), is_pid(pid), do: pid
  end

  @doc "Stops task `pid`: :ok or {:error, :not_found}."
  def terminate_child(supervisor, pid), do: DynamicSupervisor.terminate_child(supervisor, pid)

  defp start_task(supervisor, link, fun, mfa) do
    owner = self()
    callers = [owner | Process.get(:"$callers", [])]
    spec = %{id: Task, start: {Task.Supervisor, :__start_task__, [owner, link, fun, callers]}, restart: :temporary}
    {:ok, pid} = DynamicSupervisor.start_child(supervisor, spec)
    ref = :erlang.monitor(:process, pid, alias: :demonitor)
    send(pid, {:"$task_ref", ref})
    %Task{pid: pid, ref: ref, owner: owner, mfa: mfa}
  end

  @doc false
  # Runs in the supervisor: the task, linked to it (and to `owner` for
  # :link), waits for its reply reference and sends its result there.
  def __start_task__(owner, link, fun, callers) do
    ancestors = Process.__ancestry__()

    pid =
      spawn_link(fn ->
        Process.__proc_init__(ancestors, fun, callers)
        if link == :link, do: Process.link(owner)

        receive do
          {:"$task_ref", ref} -> send(ref, {ref, fun.()})
        end
      end)

    {:ok, pid}
  end
end
