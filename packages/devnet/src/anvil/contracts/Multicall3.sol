// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/**
 * Fiscus's own minimal contract with Multicall3's `aggregate3` interface, installed by the
 * devnets at Multicall3's canonical address (0xcA11bde05977b3631167028862bE2a173976CA11) so the
 * EVM driver batches reads there exactly as it does on public chains, where Multicall3 is deployed.
 */
contract Multicall3 {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory results) {
        results = new Result[](calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            (bool ok, bytes memory data) = calls[i].target.call(calls[i].callData);
            require(ok || calls[i].allowFailure, "Multicall3: call failed");
            results[i] = Result(ok, data);
        }
    }

    function getBlockNumber() external view returns (uint256) {
        return block.number;
    }
}
