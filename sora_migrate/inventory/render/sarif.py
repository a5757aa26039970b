"""The merged inventory as one SARIF 2.1.0 log with one run per repository, each naming its
repository and commit in `versionControlProvenance` and `automationDetails`."""

from __future__ import annotations

from typing import Any

from sora_migrate.inventory.merge import Inventory, RepositoryInventory, display_name
from sora_migrate.report.sarif import log, sarif_run


def render(inventory: Inventory) -> str:
    """The SARIF log as indented JSON."""
    return log([_run(repo) for repo in inventory.repositories])


def _run(repo: RepositoryInventory) -> dict[str, Any]:
    run = sarif_run(repo.report)
    repository = repo.repository
    run["automationDetails"] = {"id": f"sora-migrate/{display_name(repository)}/"}
    if repository.remote and "://" in repository.remote:
        provenance: dict[str, Any] = {"repositoryUri": repository.remote}
        if repository.commit:
            provenance["revisionId"] = repository.commit
        run["versionControlProvenance"] = [provenance]
    return run
