# DynamicSupervisor: a supervisor that starts children on demand, after
# Elixir's dynamic_supervisor.ex. The process is a GenServer (callbacks
# below) that traps exits; its children are a map pid => child, where a
# child is the map Supervisor.Server.normalize/1 makes (its start args
# with the :extra_arguments prepended).
defmodule DynamicSupervisor do
  @doc "The child spec of {DynamicSupervisor, opts}: type :supervisor, id the :name or the module."
  def child_spec(options) when is_list(options) do
    id =
      case Keyword.get(options, :name, DynamicSupervisor) do
        name when is_atom(name) -> name
        {:global, name} -> name
        {:via, _module, name} -> name
      end

    %{id: id, start: {DynamicSupervisor, :start_link, [options]}, type: :supervisor}
  end

  @doc """
  Starts a dynamic supervisor linked to the caller. Options: :strategy
  (:one_for_one), :max_restarts (3), :max_seconds (5), :max_children
  (:infinity), :extra_arguments ([]), :name.
  """
  def start_link(options) when is_list(options) do
    keys = [:extra_arguments, :max_children, :max_seconds, :max_restarts, :strategy]
    {sup_opts, start_opts} = Keyword.split(options, keys)
    start_link(DynamicSupervisor.Default, init(sup_opts), start_opts)
  end

  @doc "Starts a module-based dynamic supervisor: `module.init(arg)` returns init/1's result."
  def start_link(module, init_arg, options \\ []) do
    GenServer.start_link(DynamicSupervisor, {module, init_arg}, options)
  end

  @doc "The flags for init/1 to return: {:ok, %{strategy, intensity, period, max_children, extra_arguments}}."
  def init(options) when is_list(options) do
    strategy = Keyword.get(options, :strategy, :one_for_one)
    intensity = Keyword.get(options, :max_restarts, 3)
    period = Keyword.get(options, :max_seconds, 5)
    max_children = Keyword.get(options, :max_children, :infinity)
    extra_arguments = Keyword.get(options, :extra_arguments, [])

    flags = %{
      strategy: strategy,
      intensity: intensity,
      period: period,
      max_children: max_children,
      extra_arguments: extra_arguments
    }

    {:ok, flags}
  end

  @doc "Starts a child: {:ok, pid}, {:ok, pid, info}, :ignore, {:error, :max_children} or {:error, reason}."
  def start_child(supervisor, spec) do
    GenServer.call(supervisor, {:start_child, Supervisor.child_spec(spec, [])}, :infinity)
  end

  @doc "Stops the child `pid`: :ok or {:error, :not_found}."
  def terminate_child(supervisor, pid) when is_pid(pid) do
    GenServer.call(supervisor, {:terminate_child, pid}, :infinity)
  end

  @doc "[{:undefined, pid, type, modules}]."
  def which_children(supervisor), do: GenServer.call(supervisor, :which_children, :infinity)

  @doc "%{specs: n, active: n, supervisors: n, workers: n}."
  def count_children(supervisor), do: GenServer.call(supervisor, :count_children, :infinity)

  @doc "Stops the supervisor and its children: :ok."
  def stop(supervisor, reason \\ :normal, timeout \\ :infinity) do
    GenServer.stop(supervisor, reason, timeout)
  end

  ## GenServer callbacks

  @doc false
  def init({module, arg}) do
    Process.flag(:trap_exit, true)

    case module.init(arg) do
      {:ok, %{} = flags} ->
        {:ok,
         %{
           strategy: Map.get(flags, :strategy, :one_for_one),
           intensity: Map.get(flags, :intensity, 3),
           period: Map.get(flags, :period, 5),
           max_children: Map.get(flags, :max_children, :infinity),
           extra_arguments: Map.get(flags, :extra_arguments, []),
           children: %{},
           restarts: {0, [], []}
         }}

      :ignore ->
        :ignore

      other ->
        {:stop, {:bad_return, {module, :init, other}}}
    end
  end

  @doc false
  def handle_call(:which_children, _from, state) do
    children = for {pid, c} <- state.children, do: {:undefined, pid, c.type, c.modules}
    {:reply, children, state}
  end

  def handle_call(:count_children, _from, state) do
    children = Map.values(state.children)
    sups = Enum.count(children, &(&1.type == :supervisor))
    active = Enum.count(state.children, fn {pid, _} -> is_pid(pid) end)
    counts = %{specs: length(children), active: active, supervisors: sups, workers: length(children) - sups}
    {:reply, counts, state}
  end

  def handle_call({:terminate_child, pid}, _from, state) do
    case state.children do
      %{^pid => child} ->
        Supervisor.Server.shutdown(%{child | pid: pid})
        {:reply, :ok, %{state | children: Map.delete(state.children, pid)}}

      _ ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call({:start_child, spec}, _from, state) do
    cond do
      state.max_children != :infinity and map_size(state.children) >= state.max_children ->
        {:reply, {:error, :max_children}, state}

      true ->
        case dynamic_normalize(spec) do
          {:ok, child} ->
            {m, f, args} = child.start
            child = %{child | start: {m, f, state.extra_arguments ++ args}}

            case Supervisor.Server.start_child(child) do
              {:ok, :undefined, _} ->
                {:reply, :ignore, state}

              {:ok, pid, info} ->
                state = %{state | children: Map.put(state.children, pid, child)}
                reply = if info == nil, do: {:ok, pid}, else: {:ok, pid, elem(info, 0)}
                {:reply, reply, state}

              {:error, reason} ->
                {:reply, {:error, reason}, state}
            end

          {:error, reason} ->
            {:reply, {:error, reason}, state}
        end
    end
  end

  @doc false
  def handle_info({:EXIT, pid, reason}, state) do
    case state.children do
      %{^pid => child} ->
        state = %{state | children: Map.delete(state.children, pid)}

        cond do
          child.restart == :temporary -> {:noreply, state}
          child.restart == :transient and Supervisor.Server.normal_exit?(reason) -> {:noreply, state}
          true -> restart(child, state)
        end

      _ ->
        {:noreply, state}
    end
  end

  def handle_info({:"$restart", child}, state), do: restart(child, state)
  def handle_info(_message, state), do: {:noreply, state}

  defp restart(child, state) do
    case Supervisor.Server.add_restart(state) do
      {:ok, state} ->
        case Supervisor.Server.start_child(child) do
          {:ok, :undefined, _} ->
            {:noreply, state}

          {:ok, pid, _} ->
            {:noreply, %{state | children: Map.put(state.children, pid, child)}}

          {:error, _} ->
            send(self(), {:"$restart", child})
            {:noreply, state}
        end

      {:shutdown, state} ->
        {:stop, :shutdown, state}
    end
  end

  @doc false
  def terminate(_reason, state) do
    for {pid, child} <- state.children, do: Supervisor.Server.shutdown(%{child | pid: pid})
    :ok
  end

  # Supervisor's checks, except that a map without an id or without a
  # three-element start is an invalid child spec as a whole, as Elixir's
  # DynamicSupervisor.validate_child/1 has it.
  defp dynamic_normalize(spec) do
    case Supervisor.Server.normalize(spec) do
      {:error, reason} when reason in [:missing_id, :missing_start] ->
        {:error, {:invalid_child_spec, spec}}

      {:error, {:invalid_mfa, start}} when not is_tuple(start) or tuple_size(start) != 3 ->
        {:error, {:invalid_child_spec, spec}}

      other ->
        other
    end
  end
end

# The callback module of DynamicSupervisor.start_link/1: the flags were
# computed by DynamicSupervisor.init/1 in the caller.
defmodule DynamicSupervisor.Default do
  @doc false
  def init(flags), do: flags
end
